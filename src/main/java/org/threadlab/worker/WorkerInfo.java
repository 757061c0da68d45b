package org.threadlab.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.threadlab.work.WorkloadSpec;

/**
 * An immutable view of one worker at one moment: what the UI, the CLI and the sampler read.
 *
 * @param pid           the process the work thread lives in (threadlab's own for threads)
 * @param tid           native thread id of the work thread; -1 when unknown or when there is no
 *                      fixed one (a virtual thread moves between carrier threads)
 * @param javaThreadId  {@code Thread.threadId()} for workers in this JVM, else -1
 * @param cpuNanos      CPU time the worker used, when known at its end; else -1
 * @param exitCode      a process's exit code, else null
 * @param status        the workload's live status line (a queue's size...), or null
 * @param stdoutTail    the last lines an exec worker's program wrote to its stdout (stderr is in stderrTail)
 * @param owner         for a process another worker started (a pool member, a queue's consumer), the
 *                      id of that worker; 0 for the workers threadlab was asked to start
 * @param round         the round it was started in (workers started together: one {@code 4t}, one lesson
 *                      step), 1, 2, 3...; 0 for a member another worker started, or none
 */
public record WorkerInfo(
        int id,
        String name,
        WorkerKind kind,
        WorkloadSpec workload,
        boolean daemon,
        WorkerState state,
        String reason,
        Instant startedAt,
        Instant endedAt,
        long progressDone,
        long progressTotal,
        long pid,
        long tid,
        long javaThreadId,
        long cpuNanos,
        Integer exitCode,
        String result,
        List<String> stderrTail,
        boolean cancelRequested,
        String status,
        List<String> stdoutTail,
        int owner,
        int round) {

    public WorkerInfo {
        stderrTail = List.copyOf(stderrTail);
        stdoutTail = List.copyOf(stdoutTail);
    }

    /** Outside any round. */
    public WorkerInfo(int id, String name, WorkerKind kind, WorkloadSpec workload, boolean daemon, WorkerState state,
                      String reason, Instant startedAt, Instant endedAt, long progressDone, long progressTotal, long pid,
                      long tid, long javaThreadId, long cpuNanos, Integer exitCode, String result, List<String> stderrTail,
                      boolean cancelRequested, String status, List<String> stdoutTail, int owner) {
        this(id, name, kind, workload, daemon, state, reason, startedAt, endedAt, progressDone, progressTotal, pid, tid,
                javaThreadId, cpuNanos, exitCode, result, stderrTail, cancelRequested, status, stdoutTail, owner, 0);
    }

    /** A worker threadlab was asked to start, with no program output. */
    public WorkerInfo(int id, String name, WorkerKind kind, WorkloadSpec workload, boolean daemon, WorkerState state,
                      String reason, Instant startedAt, Instant endedAt, long progressDone, long progressTotal, long pid,
                      long tid, long javaThreadId, long cpuNanos, Integer exitCode, String result, List<String> stderrTail,
                      boolean cancelRequested, String status) {
        this(id, name, kind, workload, daemon, state, reason, startedAt, endedAt, progressDone, progressTotal, pid, tid,
                javaThreadId, cpuNanos, exitCode, result, stderrTail, cancelRequested, status, List.of(), 0);
    }

    /** True for a process another worker started (a pool member, a queue's consumer): shown under its owner. */
    public boolean isMember() {
        return owner > 0;
    }

    /** Without a status line. */
    public WorkerInfo(int id, String name, WorkerKind kind, WorkloadSpec workload, boolean daemon, WorkerState state,
                      String reason, Instant startedAt, Instant endedAt, long progressDone, long progressTotal, long pid,
                      long tid, long javaThreadId, long cpuNanos, Integer exitCode, String result, List<String> stderrTail,
                      boolean cancelRequested) {
        this(id, name, kind, workload, daemon, state, reason, startedAt, endedAt, progressDone, progressTotal, pid, tid,
                javaThreadId, cpuNanos, exitCode, result, stderrTail, cancelRequested, null);
    }

    /** Fraction done, 0..1 (0 when the total is not known yet). */
    public double progress() {
        return progressTotal <= 0 ? 0 : Math.min(1.0, (double) progressDone / progressTotal);
    }

    /** How long it ran (or has run until now). */
    public Duration age(Instant now) {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        return Duration.between(startedAt, endedAt != null ? endedAt : now);
    }
}
