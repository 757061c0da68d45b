package org.threadlab.record;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.threadlab.model.Round;
import org.threadlab.model.Snapshot;
import org.threadlab.model.WorkerSample;
import org.threadlab.sample.CoreSample;
import org.threadlab.sample.History;
import org.threadlab.sample.HostSample;
import org.threadlab.sample.JavaThreadSample;
import org.threadlab.sample.ProcessSample;
import org.threadlab.sample.ThreadSample;
import org.threadlab.work.SimulatedGil;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.Event;
import org.threadlab.worker.RoundInfo;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/**
 * The reverse of {@link Encoder}, keeping the same state (events by id, the last model's histories).
 * Every method throws IllegalArgumentException naming the field that is wrong; the reader adds FILE:LINE.
 */
final class Decoder {
    private final Map<Long, Event> events = new HashMap<>();
    private final List<Event> inOrder = new ArrayList<>();
    private Map<String, History> histories = new HashMap<>();
    private Map<String, History> seen = new HashMap<>();
    /** Each thread's and worker's fields as the last model had them (what a field left out keeps), and this model's. */
    private Map<Object, Map<String, Object>> fields = new HashMap<>();
    private Map<Object, Map<String, Object>> fieldsNow = new HashMap<>();
    /** The last model's workers by id (what a worker without "info" keeps), and this model's. */
    private Map<Integer, WorkerInfo> infos = new HashMap<>();
    private Map<Integer, WorkerInfo> infosNow = new HashMap<>();
    /** The last model's rounds by id (what a round written as its id alone is). */
    private Map<Integer, Round> rounds = new HashMap<>();

    /** What the next model is decoded against: the last model's histories, workers and fields. Never changed once made. */
    record State(Map<String, History> histories, Map<Integer, WorkerInfo> infos, Map<Object, Map<String, Object>> fields,
                 Map<Integer, Round> rounds) {}

    State state() {
        return new State(histories, infos, fields, rounds);
    }

    /** Back to a state taken before: the models after it can be decoded again (events stay: ids are for the whole file). */
    void restore(State s) {
        histories = s.histories();
        infos = s.infos();
        fields = s.fields();
        rounds = s.rounds();
    }

    static Header header(Tree.Obj o) {
        return new Header(o.requiredString("version"), o.string("threadlab"), o.string("host"), o.int32("cores"),
                instant(o, "start"), o.string("command"), duration(o, "interval_ns"));
    }

    Event event(Tree.Obj o) {
        long id = o.integer("id");
        String type = o.requiredString("event");
        Event.Type t;
        try {
            t = Event.Type.valueOf(type);
        } catch (IllegalArgumentException e) {
            // a newer threadlab may know more kinds of event: shown as information, not refused
            t = Event.Type.INFO;
        }
        Event e = new Event(o.integer("seq"), instant(o, "at"), t, o.int32("worker"), o.string("text"));
        if (events.put(id, e) != null) {
            throw new IllegalArgumentException("id: event " + id + " is written twice");
        }
        inOrder.add(e);
        return e;
    }

    List<Event> events() {
        return inOrder;
    }

    Snapshot model(Tree.Obj o) {
        seen = new HashMap<>();
        infosNow = new HashMap<>();
        fieldsNow = new HashMap<>();
        List<Event> shown = new ArrayList<>();
        List<Object> ids = o.array("events");
        for (int i = 0; i < ids.size(); i++) {
            if (!(ids.get(i) instanceof Long id)) {
                throw Tree.Obj.wrong("events[" + i + "]", "an event id", ids.get(i));
            }
            Event e = events.get(id);
            if (e == null) {
                throw new IllegalArgumentException("events[" + i + "]: event " + id + " is not written before this model");
            }
            shown.add(e);
        }
        List<ProcessSample> processes = new ArrayList<>();
        for (Tree.Obj p : o.objects("processes")) {
            processes.add(process(p));
        }
        List<WorkerSample> workers = new ArrayList<>();
        for (Tree.Obj w : o.objects("workers")) {
            workers.add(worker(w));
        }
        // a recording of format 1.0 has no rounds
        List<Round> roundList = new ArrayList<>();
        Map<Integer, Round> roundsNow = new HashMap<>();
        if (o.has("rounds")) {
            for (Tree.Obj r : o.objects("rounds")) {
                Round round = round(r);
                roundList.add(round);
                roundsNow.put(round.id(), round);
            }
        }
        Snapshot s = new Snapshot(o.integer("seq"), instant(o, "at"), duration(o, "interval_ns"), o.integer("self"),
                host(o.requiredObject("host")), processes, workers, gil(o.object("gil")), shown, roundList);
        rounds = roundsNow;
        histories = seen;
        infos = infosNow;
        fields = fieldsNow;
        return s;
    }

    /** A round whole, or its id alone for one as the last model had it. */
    private Round round(Tree.Obj r) {
        int id = r.int32("id");
        if (!r.has("kind")) {
            Round before = rounds.get(id);
            if (before == null) {
                throw new IllegalArgumentException(r.path() + ".kind: missing, and the last model had no round " + id);
            }
            return before;
        }
        RoundInfo info = new RoundInfo(id, enumOf(WorkerKind.class, r, "kind"), r.requiredString("workload"),
                r.has("params") ? r.string("params") : "", r.int32("asked"), r.int32("started"), r.bool("daemon"),
                r.bool("gil"), instant(r, "requested"));
        return new Round(info, instant(r, "ended"), duration(r, "wall_ns"), r.integer("cpu_ns"), r.decimal("cores_busy"),
                r.decimal("others_cores"), r.decimal("runnable"), r.int32("host_cores"), r.int32("finished"),
                r.int32("failed"), r.int32("stopped"), r.integer("peak_mem"), r.int32("peak_threads"), r.int32("baseline"),
                r.decimal("speedup"), r.string("verdict"));
    }

    private HostSample host(Tree.Obj h) {
        List<CoreSample> cores = new ArrayList<>();
        for (Tree.Obj c : h.objects("cores")) {
            cores.add(core(c));
        }
        return new HostSample(h.string("name"), duration(h, "uptime_ns"), h.decimals("load"), cores, core(h.object("total")),
                h.integer("mem_used"), h.integer("mem_total"), h.integer("swap_used"), h.integer("swap_total"),
                duration(h, "window_ns"), h.integer("read_ns"));
    }

    private CoreSample core(Tree.Obj c) {
        if (c == null) {
            return null;
        }
        int id = c.int32("id");
        return new CoreSample(id, c.decimal("user"), c.decimal("system"), c.decimal("iowait"), c.decimal("idle"),
                c.decimal("util"), history(c, "c" + id));
    }

    private ProcessSample process(Tree.Obj p) {
        List<ThreadSample> list = new ArrayList<>();
        long pid = p.integer("pid");
        for (Tree.Obj t : p.objects("threads")) {
            long tid = t.integer("tid");
            Tree.Obj f = fields(t, new Encoder.ThreadKey(pid, tid));
            String name = f.string("name");
            String state = f.string("state");
            double cpu = f.decimal("cpu");
            int core = f.int32("core");
            int prio = f.int32("prio");
            int nice = f.int32("nice");
            long vol = f.integer("vol");
            long invol = f.integer("invol");
            JavaThreadSample java = null;
            if (f.bool("java")) {
                long id = f.integer("java_id");
                String jname = f.string("java_name");
                String jstate = f.string("java_state");
                java = new JavaThreadSample(id, jname, jstate == null ? null : enumOf(Thread.State.class, f, "java_state"),
                        f.bool("daemon"), f.integer("alloc"));
            }
            list.add(new ThreadSample(tid, name, state, cpu, core, prio, nice, vol, invol, java));
        }
        return new ProcessSample(pid, p.integer("ppid"), p.string("name"), p.string("state"), p.decimal("cpu"),
                duration(p, "user_ns"), duration(p, "system_ns"), p.integer("rss"), p.integer("vsz"), p.int32("thread_count"),
                instant(p, "start"), p.string("role"), list, p.string("error"), duration(p, "window_ns"));
    }

    private WorkerSample worker(Tree.Obj w) {
        int id = w.int32("id");
        Tree.Obj o = w.object("info");
        WorkerInfo i;
        if (o != null) {
            i = new WorkerInfo(id, o.string("name"), enumOf(WorkerKind.class, o, "kind"), workload(o, "workload"),
                    o.bool("daemon"), enumOf(WorkerState.class, o, "state"), o.string("reason"), instant(o, "started"),
                    instant(o, "ended"), 0, 0, o.integer("pid"), o.integer("tid"), o.integer("jtid"), o.integer("cpu_ns"),
                    o.optionalInt("exit"), o.string("result"), o.strings("stderr"), o.bool("cancel"), null, o.strings("stdout"),
                    o.int32("owner"), o.has("round") ? o.int32("round") : 0);
        } else {
            i = infos.get(id);
            if (i == null) {
                throw new IllegalArgumentException(w.path() + ".info: missing, and the last model had no worker " + id);
            }
        }
        infosNow.put(id, i);
        WorkerInfo lasting = i;
        boolean isNew = !fields.containsKey("w" + id);
        Tree.Obj f = fields(w, "w" + id);
        long done = f.integer("done");
        long total = f.integer("total");
        String status = f.string("status");
        double cpu = f.decimal("cpu");
        int core = f.int32("core");
        long mem = f.integer("mem");
        String threadState = f.string("thread_state");
        String state = f.string("state");
        double held = f.decimal("gil_held");
        double waited = f.decimal("gil_waited");
        History h;
        if (!isNew && !w.fields().containsKey("history")) {
            // left out: the same as in the last model
            h = histories.get("w" + id);
            if (h == null) {
                throw new IllegalArgumentException(w.path() + ".history: missing, and the last model had none for worker " + id);
            }
            seen.put("w" + id, h);
        } else {
            h = history(w, "w" + id);
        }
        WorkerInfo info = new WorkerInfo(id, lasting.name(), lasting.kind(), lasting.workload(), lasting.daemon(), lasting.state(),
                lasting.reason(), lasting.startedAt(), lasting.endedAt(), done, total, lasting.pid(), lasting.tid(),
                lasting.javaThreadId(), lasting.cpuNanos(), lasting.exitCode(), lasting.result(), lasting.stderrTail(),
                lasting.cancelRequested(), status, lasting.stdoutTail(), lasting.owner(), lasting.round());
        return new WorkerSample(info, cpu, core, mem, threadState, h,
                state == null ? null : enumOf(WorkerState.class, f, "state"), held, waited);
    }

    private static SimulatedGil.State gil(Tree.Obj g) {
        if (g == null) {
            return null;
        }
        return new SimulatedGil.State(g.bool("enabled"), g.string("holder"), g.int32("waiting"), duration(g, "switch_ns"),
                g.integer("handoffs"), g.decimal("held"), g.decimal("waiting_avg"));
    }

    /** See {@link Encoder#workloadText}: the one place that turns the text form back into a spec. */
    static WorkloadSpec workload(String text) {
        return WorkloadSpec.parse(text);
    }

    private static WorkloadSpec workload(Tree.Obj o, String name) {
        String text = o.string(name);
        if (text == null) {
            return null;
        }
        try {
            return workload(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(o.path() + (o.path().isEmpty() ? "" : ".") + name + ": " + e.getMessage());
        }
    }

    /** A full array, or {"keep":K,"add":[...]} on the same history of the last model (see Encoder). */
    private History history(Tree.Obj o, String key) {
        Object raw = o.raw("history");
        History h;
        if (raw == null) {
            return null;
        } else if (raw instanceof List<?>) {
            h = new History(o.decimals("history"));
        } else {
            Tree.Obj d = o.requiredObject("history");
            History before = histories.get(key);
            int keep = d.int32("keep");
            if (before == null || keep < 1 || keep > before.size()) {
                throw new IllegalArgumentException(d.path() + ".keep: " + keep + " values of a history the last model "
                        + (before == null ? "did not have" : "had " + before.size() + " of"));
            }
            double[] add = d.decimals("add");
            double[] all = new double[keep + add.length];
            for (int i = 0; i < keep; i++) {
                all[i] = before.get(before.size() - keep + i);
            }
            System.arraycopy(add, 0, all, keep, add.length);
            h = add.length == 0 && keep == before.size() ? before : new History(all);
        }
        seen.put(key, h);
        return h;
    }

    /**
     * The fields of one thread or worker (see Encoder.Changes): a field left out is as the same one
     * had it in the last model, or unknown when it is new; null is unknown. They are read as one
     * object, the last model's fields under this one's, so the typed getters and their errors are Tree's.
     */
    private Tree.Obj fields(Tree.Obj o, Object key) {
        Map<String, Object> before = fields.get(key);
        Map<String, Object> now = before == null ? new HashMap<>() : new HashMap<>(before);
        now.putAll(o.fields());
        fieldsNow.put(key, now);
        return new Tree.Obj(o.path(), now);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, Tree.Obj o, String name) {
        String v = o.requiredString(name);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(o.path() + (o.path().isEmpty() ? "" : ".") + name + ": unknown value '" + v + "'");
        }
    }

    private static Instant instant(Tree.Obj o, String name) {
        String v = o.string(name);
        try {
            return v == null ? null : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(o.path() + (o.path().isEmpty() ? "" : ".") + name + ": '" + v + "' is not a time (ISO-8601, UTC)");
        }
    }

    private static Duration duration(Tree.Obj o, String name) {
        return o.has(name) ? Duration.ofNanos(o.integer(name)) : null;
    }
}
