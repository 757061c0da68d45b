package org.threadlab.record;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
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
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Turns models into JSON Lines (see docs/RECORDING.md for every field). Stateful, so one instance
 * per file and one thread: an event is written once, when a model first shows it, and models then
 * name it by id; a history (120 values, most of them the last model's) is written as what it kept
 * of the same history in the last model plus what it added. {@link Decoder} keeps the same state.
 */
final class Encoder {
    private static final JsonFactory JSON = new JsonFactory();

    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 14);
    /** The last model's events and their ids: an Event is a record, so an equal one is the same event. */
    private Map<Event, Long> shown = new HashMap<>();
    private long nextEventId = 1;
    /** A thread of a process, to find it again in the next model. */
    record ThreadKey(long pid, long tid) {}

    /** The fields of each thread and worker as the last model had them, and as this one has. */
    private Map<Object, Map<String, Object>> fields = new HashMap<>();
    private Map<Object, Map<String, Object>> fieldsNow = new HashMap<>();
    /** The last model's workers, by id, and this model's. */
    private Map<Integer, WorkerInfo> infos = new HashMap<>();
    private Map<Integer, WorkerInfo> infosNow = new HashMap<>();
    /** The last model's rounds by id: one that did not change is its id alone. */
    private Map<Integer, Round> rounds = new HashMap<>();
    private final Map<String, double[]> histories = new HashMap<>();
    /** Histories the last model wrote, to forget those of workers and cores that went. */
    private Map<String, double[]> seen = new HashMap<>();

    /** The header line, newline included. */
    byte[] header(Header h) {
        buf.reset();
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), buf)) {
            g.writeStartObject();
            text(g, "type", "header");
            text(g, "format", Format.NAME);
            text(g, "version", h.version());
            text(g, "threadlab", h.threadlab());
            text(g, "host", h.host());
            g.writeNumberProperty("cores", h.cores());
            text(g, "start", h.start().toString());
            text(g, "command", h.command());
            duration(g, "interval_ns", h.interval());
            g.writeEndObject();
        }
        buf.write('\n');
        return buf.toByteArray();
    }

    /** The lines of one model: first an event line for each event no earlier model showed, then the model. */
    byte[] model(Snapshot s) {
        buf.reset();
        Map<Event, Long> now = new HashMap<>();
        long[] ids = new long[s.events().size()];
        int i = 0;
        for (Event e : s.events()) {
            Long id = shown.get(e);
            if (id == null) {
                id = nextEventId++;
                event(id, e);
            }
            now.put(e, id);
            ids[i++] = id;
        }
        shown = now;
        seen = new HashMap<>();
        infosNow = new HashMap<>();
        fieldsNow = new HashMap<>();
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), buf)) {
            g.writeStartObject();
            text(g, "type", "model");
            g.writeNumberProperty("seq", s.seq());
            instant(g, "at", s.takenAt());
            duration(g, "interval_ns", s.interval());
            g.writeNumberProperty("self", s.selfPid());
            g.writeName("host");
            host(g, s.host());
            g.writeArrayPropertyStart("processes");
            for (ProcessSample p : s.processes()) {
                process(g, p);
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("workers");
            for (WorkerSample w : s.workers()) {
                worker(g, w);
            }
            g.writeEndArray();
            g.writeName("gil");
            gil(g, s.gil());
            g.writeArrayPropertyStart("events");
            for (long id : ids) {
                g.writeNumber(id);
            }
            g.writeEndArray();
            Map<Integer, Round> roundsNow = new HashMap<>();
            if (!s.rounds().isEmpty()) {
                g.writeArrayPropertyStart("rounds");
                for (Round r : s.rounds()) {
                    round(g, r, rounds.get(r.id()));
                    roundsNow.put(r.id(), r);
                }
                g.writeEndArray();
            }
            rounds = roundsNow;
            g.writeEndObject();
        }
        buf.write('\n');
        histories.keySet().retainAll(seen.keySet());
        histories.putAll(seen);
        infos = infosNow;
        fields = fieldsNow;
        return buf.toByteArray();
    }

    /** The last line: when, how many models this file holds, how many were dropped, and the file it goes on in (or null). */
    byte[] end(Instant at, long models, long dropped, String continued) {
        buf.reset();
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), buf)) {
            g.writeStartObject();
            text(g, "type", "end");
            instant(g, "at", at);
            g.writeNumberProperty("models", models);
            g.writeNumberProperty("dropped", dropped);
            if (continued != null) {
                text(g, "continued", continued);
            }
            g.writeEndObject();
        }
        buf.write('\n');
        return buf.toByteArray();
    }

    private void event(long id, Event e) {
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), buf)) {
            g.writeStartObject();
            text(g, "type", "event");
            g.writeNumberProperty("id", id);
            g.writeNumberProperty("seq", e.seq());
            instant(g, "at", e.at());
            text(g, "event", e.type().name());
            g.writeNumberProperty("worker", e.workerId());
            text(g, "text", e.text());
            g.writeEndObject();
        }
        buf.write('\n');
    }

    /** A round whole when it is new or changed since the last model (a running one changes at every model), else its id alone. */
    private static void round(JsonGenerator g, Round r, Round before) {
        g.writeStartObject();
        g.writeNumberProperty("id", r.id());
        if (!r.equals(before)) {
            RoundInfo i = r.info();
            text(g, "kind", i.kind().name());
            text(g, "workload", i.workload());
            text(g, "params", i.params());
            g.writeNumberProperty("asked", i.asked());
            g.writeNumberProperty("started", i.started());
            g.writeBooleanProperty("daemon", i.daemon());
            g.writeBooleanProperty("gil", i.gil());
            instant(g, "requested", i.requestedAt());
            instant(g, "ended", r.endedAt());
            duration(g, "wall_ns", r.wall());
            g.writeNumberProperty("cpu_ns", r.cpuNanos());
            number(g, "cores_busy", r.coresBusy());
            number(g, "others_cores", r.othersCores());
            number(g, "runnable", r.runnable()); // 1.2: left out when not measured
            g.writeNumberProperty("host_cores", r.hostCores());
            g.writeNumberProperty("finished", r.finished());
            g.writeNumberProperty("failed", r.failed());
            g.writeNumberProperty("stopped", r.stopped());
            g.writeNumberProperty("peak_mem", r.peakMemory());
            g.writeNumberProperty("peak_threads", r.peakThreads());
            g.writeNumberProperty("baseline", r.baseline());
            number(g, "speedup", r.speedup());
            text(g, "verdict", r.verdict());
        }
        g.writeEndObject();
    }

    private void host(JsonGenerator g, HostSample h) {
        g.writeStartObject();
        text(g, "name", h.hostName());
        duration(g, "uptime_ns", h.uptime());
        g.writeArrayPropertyStart("load");
        for (double d : h.load()) {
            number(g, d);
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("cores");
        for (CoreSample c : h.cores()) {
            core(g, c);
        }
        g.writeEndArray();
        g.writeName("total");
        core(g, h.total());
        g.writeNumberProperty("mem_used", h.memoryUsedBytes());
        g.writeNumberProperty("mem_total", h.memoryTotalBytes());
        g.writeNumberProperty("swap_used", h.swapUsedBytes());
        g.writeNumberProperty("swap_total", h.swapTotalBytes());
        duration(g, "window_ns", h.window());
        g.writeNumberProperty("read_ns", h.readNanos());
        g.writeEndObject();
    }

    private void core(JsonGenerator g, CoreSample c) {
        if (c == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberProperty("id", c.id());
        number(g, "user", c.user());
        number(g, "system", c.system());
        number(g, "iowait", c.iowait());
        number(g, "idle", c.idle());
        number(g, "util", c.utilisation());
        history(g, "c" + c.id(), c.history());
        g.writeEndObject();
    }

    private void process(JsonGenerator g, ProcessSample p) {
        g.writeStartObject();
        g.writeNumberProperty("pid", p.pid());
        g.writeNumberProperty("ppid", p.ppid());
        text(g, "name", p.name());
        text(g, "state", p.state());
        number(g, "cpu", p.cpuPercent());
        duration(g, "user_ns", p.userTime());
        duration(g, "system_ns", p.systemTime());
        g.writeNumberProperty("rss", p.rssBytes());
        g.writeNumberProperty("vsz", p.virtualBytes());
        g.writeNumberProperty("thread_count", p.threadCount());
        instant(g, "start", p.startTime());
        text(g, "role", p.role());
        g.writeArrayPropertyStart("threads");
        for (ThreadSample t : p.threads()) {
            thread(g, p.pid(), t);
        }
        g.writeEndArray();
        text(g, "error", p.error());
        duration(g, "window_ns", p.window());
        g.writeEndObject();
    }

    /** Only what changed since the last model: a thread that did nothing (most sleep) is its tid alone. */
    private void thread(JsonGenerator g, long pid, ThreadSample t) {
        g.writeStartObject();
        g.writeNumberProperty("tid", t.tid());
        Changes c = new Changes(g, new ThreadKey(pid, t.tid()));
        c.put("name", t.name());
        c.put("state", t.state());
        c.put("cpu", t.cpuPercent());
        c.put("core", (long) t.core());
        c.put("prio", (long) t.priority());
        c.put("nice", (long) t.nice());
        c.put("vol", t.voluntarySwitches());
        c.put("invol", t.involuntarySwitches());
        JavaThreadSample j = t.java();
        c.put("java", j != null);
        if (j != null) {
            c.put("java_id", j.id());
            c.put("java_name", j.name());
            c.put("java_state", j.state() == null ? null : j.state().name());
            c.put("daemon", j.daemon());
            c.put("alloc", j.allocatedBytes());
        }
        g.writeEndObject();
    }

    private void worker(JsonGenerator g, WorkerSample w) {
        WorkerInfo i = w.info();
        g.writeStartObject();
        g.writeNumberProperty("id", i.id());
        WorkerInfo before = infos.get(i.id());
        infosNow.put(i.id(), i);
        // most of a worker stays as it was (its name, kind, pids, output): written when it changes
        if (before == null || !lasting(before).equals(lasting(i))) {
            g.writeName("info");
            g.writeStartObject();
            text(g, "name", i.name());
            text(g, "kind", i.kind().name());
            text(g, "workload", workloadText(i.workload()));
            g.writeBooleanProperty("daemon", i.daemon());
            text(g, "state", i.state().name());
            text(g, "reason", i.reason());
            instant(g, "started", i.startedAt());
            instant(g, "ended", i.endedAt());
            g.writeNumberProperty("pid", i.pid());
            g.writeNumberProperty("tid", i.tid());
            g.writeNumberProperty("jtid", i.javaThreadId());
            g.writeNumberProperty("cpu_ns", i.cpuNanos());
            if (i.exitCode() != null) {
                g.writeNumberProperty("exit", i.exitCode());
            }
            text(g, "result", i.result());
            strings(g, "stderr", i.stderrTail());
            g.writeBooleanProperty("cancel", i.cancelRequested());
            strings(g, "stdout", i.stdoutTail());
            g.writeNumberProperty("owner", i.owner());
            if (i.round() > 0) {
                g.writeNumberProperty("round", i.round());
            }
            g.writeEndObject();
        }
        // the live figures: only what changed since the last model
        Changes c = new Changes(g, "w" + i.id());
        c.put("done", i.progressDone());
        c.put("total", i.progressTotal());
        c.put("status", i.status());
        c.put("cpu", w.cpuPercent());
        c.put("core", (long) w.core());
        c.put("mem", w.memoryBytes());
        c.put("thread_state", w.threadState());
        c.put("state", w.state() == null ? null : w.state().name());
        c.put("gil_held", w.gilHeld());
        c.put("gil_waited", w.gilWaited());
        double[] was = histories.get("w" + i.id());
        if (c.isNew() || w.cpuHistory() == null || was == null || !java.util.Arrays.equals(was, w.cpuHistory().toArray())) {
            history(g, "w" + i.id(), w.cpuHistory());
        } else {
            // the same history as in the last model (an ended worker's): left out, kept
            seen.put("w" + i.id(), was);
        }
        g.writeEndObject();
    }

    /** A worker's info without what changes at every tick (progress, status line): what "info" holds. */
    static WorkerInfo lasting(WorkerInfo i) {
        return new WorkerInfo(i.id(), i.name(), i.kind(), i.workload(), i.daemon(), i.state(), i.reason(), i.startedAt(),
                i.endedAt(), 0, 0, i.pid(), i.tid(), i.javaThreadId(), i.cpuNanos(), i.exitCode(), i.result(), i.stderrTail(),
                i.cancelRequested(), null, i.stdoutTail(), i.owner(), i.round());
    }

    private static void gil(JsonGenerator g, SimulatedGil.State s) {
        if (s == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeBooleanProperty("enabled", s.enabled());
        text(g, "holder", s.holder());
        g.writeNumberProperty("waiting", s.waiting());
        duration(g, "switch_ns", s.switchInterval());
        g.writeNumberProperty("handoffs", s.handoffs());
        number(g, "held", s.heldShare());
        number(g, "waiting_avg", s.waitingAverage());
        g.writeEndObject();
    }

    /**
     * The workload as its text form, {@link WorkloadSpec#describe()} (internal keys, such as the CPU
     * calibration, left out: a replay starts nothing): the one place that knows how a spec becomes
     * text, with {@link Decoder#workload(String)}.
     */
    static String workloadText(WorkloadSpec spec) {
        return spec == null ? null : spec.describe();
    }

    /**
     * A history as {@code {"keep":K,"add":[...]}} (the last K values of the same history in the last
     * model, then these) when that is shorter than the whole array, which it is at every tick but the
     * first: a 120-value history gains one value a tick.
     */
    private void history(JsonGenerator g, String key, History h) {
        g.writeName("history");
        if (h == null) {
            g.writeNull();
            return;
        }
        double[] now = h.toArray();
        seen.put(key, now);
        double[] before = histories.get(key);
        int keep = before == null ? -1 : kept(before, now);
        if (keep <= 0) {
            g.writeStartArray();
            for (double d : now) {
                number(g, d);
            }
            g.writeEndArray();
            return;
        }
        g.writeStartObject();
        g.writeNumberProperty("keep", keep);
        g.writeArrayPropertyStart("add");
        for (int i = keep; i < now.length; i++) {
            number(g, now[i]);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The largest K such that now starts with the last K values of before (at most 8 added); -1 when none. */
    static int kept(double[] before, double[] now) {
        for (int added = 0; added <= Math.min(8, now.length); added++) {
            int k = now.length - added;
            if (k > before.length) {
                continue;
            }
            if (k == 0) {
                return -1;
            }
            if (java.util.Arrays.equals(now, 0, k, before, before.length - k, before.length)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The fields of one thread or worker, written only when they differ from the same one's in the
     * last model. A new one leaves out what is unknown; one seen before writes null for a value that
     * became unknown, since there a field left out means "as it was". {@link Decoder} mirrors it.
     */
    private final class Changes {
        private final JsonGenerator g;
        private final Map<String, Object> before;
        private final Map<String, Object> now = new HashMap<>();

        Changes(JsonGenerator g, Object key) {
            this.g = g;
            this.before = fields.get(key);
            fieldsNow.put(key, now);
        }

        boolean isNew() {
            return before == null;
        }

        /** {@code value}: a String, Long, Double or Boolean; null or NaN when unknown. */
        void put(String name, Object value) {
            Object v = value instanceof Double d && !Double.isFinite(d) ? null : value;
            now.put(name, v);
            if (before == null ? v == null : before.containsKey(name) && java.util.Objects.equals(before.get(name), v)) {
                return;
            }
            g.writeName(name);
            if (v == null) {
                g.writeNull();
            } else if (v instanceof String s) {
                g.writeString(s);
            } else if (v instanceof Double d) {
                g.writeNumber(d);
            } else if (v instanceof Long l) {
                g.writeNumber(l);
            } else {
                g.writeBoolean((Boolean) v);
            }
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> lines) {
        g.writeArrayPropertyStart(name);
        for (String s : lines) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    /** JSON has no NaN: an unknown figure is left out, or null in an array (and either reads back as NaN). */
    private static void number(JsonGenerator g, String name, double d) {
        if (Double.isFinite(d)) {
            g.writeNumberProperty(name, d);
        }
    }

    /** An unknown value (null, NaN) is left out: the reader takes a missing field as unknown. */
    private static void text(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.writeStringProperty(name, value);
        }
    }

    private static void number(JsonGenerator g, double d) {
        if (Double.isFinite(d)) {
            g.writeNumber(d);
        } else {
            g.writeNull();
        }
    }

    private static void instant(JsonGenerator g, String name, Instant t) {
        text(g, name, t == null ? null : t.toString());
    }

    private static void duration(JsonGenerator g, String name, Duration d) {
        if (d != null) {
            g.writeNumberProperty(name, d.toNanos());
        }
    }
}
