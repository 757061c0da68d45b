package org.threadlab.model;

import java.util.ArrayList;
import java.util.List;
import org.threadlab.sample.History;
import org.threadlab.sample.ProcessSample;
import org.threadlab.sample.ThreadSample;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/**
 * Processes threadlab watches but did not start ({@code threadlab attach PID}, Enter in the
 * all-processes view): in a {@link Snapshot} they are processes of role {@link #ROLE}, and one that
 * exited keeps its last figures with the error {@link #EXITED} until cleared. The tables draw rows,
 * so this turns them into rows shaped as a process worker's (the process) and as thread workers'
 * (its threads), made from the snapshot alone: a replay shows them as the live screen did. Such a row
 * is never a worker: {@link #is} tells it apart (its workload is {@link #TYPE}, its id is negative and
 * the supervisor knows none), so no worker command acts on it.
 */
public final class Attached {
    private Attached() {}

    /** The sampler's role of an attached process (also in recordings). */
    public static final String ROLE = "attached";
    /** The error of an attached process that exited: its other figures are its last ones. */
    public static final String EXITED = "exited";
    /** The workload type of an attached row; no workload has this name. */
    public static final String TYPE = "attached";
    private static final WorkloadSpec WORKLOAD = WorkloadSpec.of(TYPE);

    /** Whether this row is an attached process or one of its threads, not a worker. */
    public static boolean is(WorkerInfo info) {
        return info.workload() != null && TYPE.equals(info.workload().type());
    }

    /** Whether this snapshot process is an attached one (live or exited). */
    public static boolean is(ProcessSample p) {
        return ROLE.equals(p.role());
    }

    /** Whether this attached process has exited (and is kept, dimmed, until cleared). */
    public static boolean exited(ProcessSample p) {
        return is(p) && EXITED.equals(p.error());
    }

    /** The process as it is kept once it exited: its last figures, marked. */
    static ProcessSample exitedFrom(ProcessSample last) {
        return new ProcessSample(last.pid(), last.ppid(), last.name(), last.state(), last.cpuPercent(), last.userTime(),
                last.systemTime(), last.rssBytes(), last.virtualBytes(), last.threadCount(), last.startTime(), ROLE,
                last.threads(), EXITED, last.window());
    }

    /** The attached processes of a snapshot, in the order they were attached. */
    public static List<ProcessSample> processes(Snapshot s) {
        List<ProcessSample> out = new ArrayList<>();
        for (ProcessSample p : s.processes()) {
            if (is(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** One row per attached process, for the processes table. */
    public static List<WorkerSample> processRows(Snapshot s) {
        List<WorkerSample> out = new ArrayList<>();
        for (ProcessSample p : s.processes()) {
            if (is(p) && (p.error() == null || exited(p))) {
                out.add(processRow(p));
            }
        }
        return out;
    }

    /** One row per thread of every attached process, for the threads table. */
    public static List<WorkerSample> threadRows(Snapshot s) {
        List<WorkerSample> out = new ArrayList<>();
        for (ProcessSample p : s.processes()) {
            if (is(p) && (p.error() == null || exited(p))) {
                for (ThreadSample t : p.threads()) {
                    out.add(threadRow(p, t));
                }
            }
        }
        return out;
    }

    /** The process as a process worker's row: its CPU%, RSS, the core of its busiest thread, its main thread's state. */
    static WorkerSample processRow(ProcessSample p) {
        boolean gone = exited(p);
        ThreadSample main = null;
        boolean running = false;
        for (ThreadSample t : p.threads()) {
            if (t.tid() == p.pid()) {
                main = t;
            }
            running |= "R".equals(t.state());
        }
        WorkerState state = gone ? WorkerState.FINISHED
                : running || p.cpuPercent() >= WorkerJoin.RAN_PERCENT ? WorkerState.RUNNING : WorkerState.WAITING;
        WorkerInfo info = info(rowId(p.pid()), p.name(), WorkerKind.PROCESS, state, p, p.pid(),
                gone ? "attached, exited" : "attached");
        return new WorkerSample(info, p.cpuPercent(), WorkerJoin.workCore(p, p.pid()), p.rssBytes(),
                main == null ? p.state() : main.state(), History.EMPTY, state, Double.NaN, Double.NaN);
    }

    /** One of its threads as a thread worker's row: TID, name, the kernel's state, CPU%, last core. */
    static WorkerSample threadRow(ProcessSample p, ThreadSample t) {
        boolean gone = exited(p);
        WorkerState state = gone ? WorkerState.FINISHED
                : "R".equals(t.state()) || t.cpuPercent() >= WorkerJoin.RAN_PERCENT ? WorkerState.RUNNING : WorkerState.WAITING;
        WorkerInfo info = info(rowId(t.tid()), t.name(), WorkerKind.THREAD, state, p, t.tid(),
                "attached: pid " + p.pid() + " " + p.name() + (gone ? ", exited" : ""));
        return new WorkerSample(info, t.cpuPercent(), t.core(), -1, t.state(), History.EMPTY, state, Double.NaN, Double.NaN);
    }

    /**
     * A row's id: minus its PID or TID (positive ids are the supervisor's workers'). A process row and
     * its main thread's share it, each in its own table.
     */
    static int rowId(long pidOrTid) {
        return (int) -Math.min(pidOrTid, Integer.MAX_VALUE);
    }

    private static WorkerInfo info(int id, String name, WorkerKind kind, WorkerState state, ProcessSample p, long tid,
                                   String status) {
        long cpuNanos = kind != WorkerKind.PROCESS || p.userTime() == null || p.systemTime() == null
                || p.userTime().isNegative() || p.systemTime().isNegative() ? -1 : p.userTime().plus(p.systemTime()).toNanos();
        return new WorkerInfo(id, name == null ? "?" : name, kind, WORKLOAD, false, state, null,
                // an exited one's age would go on counting: when it ended is in the events, not here
                exited(p) ? null : p.startTime(), null, 0, 0, p.pid(), tid, -1, cpuNanos, null, null, List.of(), false,
                status, List.of(), 0, 0);
    }

    /**
     * Pseudo-workers for the fine timeline ({@link TimelineBook}): each live attached process followed
     * whole, as an exec'd program is, under its row's id.
     */
    static List<WorkerInfo> timelineWorkers(List<ProcessSample> attached) {
        List<WorkerInfo> out = new ArrayList<>();
        for (ProcessSample p : attached) {
            out.add(info(rowId(p.pid()), p.name(), WorkerKind.PROCESS, exited(p) ? WorkerState.FINISHED : WorkerState.RUNNING,
                    p, p.pid(), "attached"));
        }
        return out;
    }

    /** "pid 1234 (sleep)". */
    public static String label(long pid, String name) {
        return "pid " + pid + (name == null ? "" : " (" + name + ")");
    }
}
