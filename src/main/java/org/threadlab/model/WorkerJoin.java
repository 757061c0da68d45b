package org.threadlab.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.threadlab.sample.History;
import org.threadlab.sample.JavaThreadSample;
import org.threadlab.sample.Measurement;
import org.threadlab.sample.ProcessSample;
import org.threadlab.sample.Ring;
import org.threadlab.sample.ThreadSample;
import org.threadlab.work.SimulatedGil;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/**
 * Joins the supervisor's workers with a measurement by PID/TID: CPU and its history, memory, the core,
 * the GIL held and waited, the state as measured. Keeps what a join needs from the previous one (the
 * CPU history rings, the GIL's previous books). Not thread-safe: the hub's thread only.
 */
final class WorkerJoin {
    /** Ran in the interval: at least this percent of a core (a sleeping worker's wake-ups cost far less). */
    static final double RAN_PERCENT = 1.0;

    /**
     * Each worker's slot by id (the supervisor's ids count up from 1): an array, since a map boxed every
     * id above 127 at every join (160 KB a tick at 10,000 workers); ids outside it in a map.
     */
    private Slot[] slots = new Slot[64];
    private final Map<Integer, Slot> otherSlots = new HashMap<>();
    /** Ids held in {@link #slots} are below this. */
    private static final int MAX_SLOT_ID = 1 << 22;
    /** Which join last saw a worker: a ring its worker is gone from is dropped without a set of every id per join. */
    private long joins;

    /** A worker's CPU ring and the join that last saw it. */
    private static final class Slot {
        final Ring ring = new Ring();
        long seen;
    }
    private SimulatedGil.Accounting previousGil;

    /** The GIL figures of the header for the interval just joined. */
    record Joined(List<WorkerSample> workers, SimulatedGil.State gil) {}

    /**
     * @param gil the GIL's books read with this measurement; null when there is no supervisor
     */
    Joined join(List<WorkerInfo> workers, Measurement m, SimulatedGil.Accounting gil, SimulatedGil.State noGil) {
        SimulatedGil.Accounting gilBefore = previousGil;
        previousGil = gil;
        long span = gil == null || gilBefore == null ? 0 : gil.atNanos() - gilBefore.atNanos();
        Map<Long, ProcessSample> byPid = new HashMap<>();
        for (ProcessSample p : m.processes()) {
            byPid.put(p.pid(), p);
        }
        ProcessSample self = byPid.get(m.selfPid());
        List<WorkerSample> out = new ArrayList<>(workers.size());
        long join = ++joins;
        // each process's threads by TID, made when first asked: threadlab's own 10,000 once, not per worker
        Map<Long, ThreadIndex> indexes = new HashMap<>();
        for (WorkerInfo w : workers) {
            Slot slot = slot(w.id());
            slot.seen = join;
            Ring ring = slot.ring;
            // threadlab's own without boxing its PID (most workers: threads)
            ProcessSample p = self != null && w.pid() == self.pid() ? self : byPid.get(w.pid());
            ThreadSample t = p == null || w.tid() <= 0 ? null
                    : indexes.computeIfAbsent(p.pid(), k -> new ThreadIndex(p)).get(w.tid());
            double cpu = Double.NaN;
            long memory = -1;
            if (w.state().alive() && p != null && p.error() == null) {
                if (w.kind() == WorkerKind.PROCESS) {
                    cpu = p.cpuPercent();
                    memory = p.rssBytes();
                } else if (w.kind() == WorkerKind.THREAD) {
                    // a virtual thread has no TID of its own: its CPU stays unknown rather than guessed
                    cpu = t == null ? Double.NaN : t.cpuPercent();
                    JavaThreadSample j = m.javaThreads().get(w.javaThreadId());
                    memory = j == null ? -1 : j.allocatedBytes();
                }
            }
            if (!Double.isNaN(cpu)) {
                ring.add(cpu);
            }
            int core = t == null ? -1 : t.core();
            if (w.kind() == WorkerKind.PROCESS && p != null) {
                core = workCore(p, w.tid());
            }
            double held = Double.NaN;
            double waited = Double.NaN;
            SimulatedGil.Usage gilUse = null;
            if (span > 0 && w.kind().inThisJvm() && w.javaThreadId() >= 0 && w.state().alive()) {
                gilUse = gil.usageSince(gilBefore, w.javaThreadId());
                if (gil.state().enabled() || gilUse.heldNanos() + gilUse.waitedNanos() > 0) {
                    held = gilUse.heldNanos() / (double) span;
                    waited = gilUse.waitedNanos() / (double) span;
                }
            }
            WorkerState state = measuredState(w, p, t, cpu, gilUse);
            out.add(new WorkerSample(w, cpu, core, memory, t == null ? null : t.state(), ring.history(), state, held,
                    waited));
        }
        dropUnseen(join);
        return new Joined(out, gil == null ? noGil : gil.over(gilBefore));
    }

    /**
     * Drops the rings of the workers the join {@code join} did not see. A method of its own: join runs
     * once a tick, and this loop's back edges (the slots' length, whatever the workers) made C2 compile all
     * of join on-stack-replaced, minutes after start (see docs/PERFORMANCE.md, "UI's own CPU").
     */
    private void dropUnseen(long join) {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null && slots[i].seen != join) {
                slots[i] = null;
            }
        }
        otherSlots.values().removeIf(slot -> slot.seen != join);
    }

    /** The worker's slot, made when first seen. */
    private Slot slot(int id) {
        if (id < 0 || id >= MAX_SLOT_ID) {
            return otherSlots.computeIfAbsent(id, k -> new Slot());
        }
        if (id >= slots.length) {
            slots = java.util.Arrays.copyOf(slots, Math.min(MAX_SLOT_ID, Math.max(id + 1, slots.length * 2)));
        }
        Slot s = slots[id];
        if (s == null) {
            s = new Slot();
            slots[id] = s;
        }
        return s;
    }

    /** How many workers' rings are kept (tests: a gone worker's is dropped). */
    int kept() {
        int n = otherSlots.size();
        for (Slot s : slots) {
            n += s == null ? 0 : 1;
        }
        return n;
    }

    /**
     * The supervisor's workers now, with the last join's measurements (no new measurement, so no CPU
     * window is cut short): a new or ended worker shows what the supervisor says; the header keeps the
     * last interval's figures (the rows' books), only the GIL's on/off is news.
     */
    static Joined overlay(List<WorkerInfo> workers, Snapshot last, SimulatedGil gilNow) {
        Map<Integer, WorkerSample> before = new HashMap<>();
        for (WorkerSample w : last.workers()) {
            before.put(w.info().id(), w);
        }
        List<WorkerSample> out = new ArrayList<>();
        for (WorkerInfo w : workers) {
            WorkerSample b = before.get(w.id());
            boolean measured = b != null && w.state().alive();
            // the measured state of the last interval stays until the next tick
            WorkerState state = measured && b.state().alive() && w.state() != WorkerState.NEW ? b.state() : w.state();
            out.add(new WorkerSample(w, measured ? b.cpuPercent() : Double.NaN, b == null ? -1 : b.core(),
                    measured ? b.memoryBytes() : -1, b == null ? null : b.threadState(),
                    b == null ? History.EMPTY : b.cpuHistory(), state, measured ? b.gilHeld() : Double.NaN,
                    measured ? b.gilWaited() : Double.NaN));
        }
        SimulatedGil.State g = last.gil();
        SimulatedGil.State gil = gilNow == null || g.enabled() == gilNow.isEnabled() ? g : gilNow.state();
        return new Joined(out, gil);
    }

    /**
     * What a live worker did over the interval, from what was measured rather than what its workload
     * last said: RUNNING when it ran (at least {@link #RAN_PERCENT} of a core, or the kernel's R when it
     * was read, or it held the GIL), BLOCKED when it did not but waited for the GIL, WAITING when
     * neither. Where nothing was measured (a virtual thread's CPU, a first sample) the reported state.
     */
    static WorkerState measuredState(WorkerInfo w, ProcessSample p, ThreadSample t, double cpu, SimulatedGil.Usage gil) {
        WorkerState reported = w.state();
        if (!reported.alive() || reported == WorkerState.NEW) {
            return reported;
        }
        boolean heldGil = gil != null && gil.heldNanos() > 0;
        boolean waitedGil = gil != null && (gil.waitedNanos() > 0 || gil.waitingNow());
        Boolean ran = null;
        if (!Double.isNaN(cpu)) {
            boolean running = w.kind() == WorkerKind.PROCESS
                    ? p.threads().stream().anyMatch(x -> "R".equals(x.state()))
                    : t != null && "R".equals(t.state());
            ran = cpu >= RAN_PERCENT || running;
        }
        if (heldGil || Boolean.TRUE.equals(ran)) {
            return WorkerState.RUNNING;
        }
        if (waitedGil) {
            return WorkerState.BLOCKED;
        }
        return ran == null ? reported : WorkerState.WAITING;
    }

    /**
     * The core a process's work runs on: its busiest thread's over the interval (an external program's
     * main thread often only waits for its workers); when no thread is known to have used CPU (first
     * sight), a running one's; else its work thread's, else its main thread's; -1 when unknown.
     */
    static int workCore(ProcessSample p, long workTid) {
        ThreadSample busiest = null;
        for (ThreadSample t : p.threads()) {
            if (t.cpuPercent() > 0 && (busiest == null || t.cpuPercent() > busiest.cpuPercent())) {
                busiest = t;
            }
        }
        for (ThreadSample t : p.threads()) {
            if (busiest == null && Double.isNaN(t.cpuPercent()) && "R".equals(t.state())) {
                busiest = t;
            }
        }
        if (busiest == null && workTid > 0) {
            busiest = thread(p, workTid);
        }
        if (busiest == null) {
            busiest = thread(p, p.pid());
        }
        return busiest == null ? -1 : busiest.core();
    }

    private static ThreadSample thread(ProcessSample p, long tid) {
        for (ThreadSample t : p.threads()) {
            if (t.tid() == tid) {
                return t;
            }
        }
        return null;
    }
}
