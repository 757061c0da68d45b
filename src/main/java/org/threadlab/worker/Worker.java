package org.threadlab.worker;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.threadlab.work.WorkloadSpec;

/**
 * One workload running as one kind of worker. Subclasses decide where it runs; this class keeps
 * the state every kind shares and turns it into {@link WorkerInfo} views. Only the supervisor
 * creates and drives workers.
 */
abstract class Worker {
    static final int STDERR_LINES = 20;
    static final int STDERR_LINE_CHARS = 300;

    final int id;
    final String name;
    final WorkerKind kind;
    final WorkloadSpec spec;
    final boolean daemon;
    /** Completed with the final view once the worker has ended, whatever the way. */
    final CompletableFuture<WorkerInfo> ended = new CompletableFuture<>();

    private final Listener listener;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    protected volatile WorkerState state = WorkerState.NEW;
    protected volatile String reason;
    protected volatile Instant startedAt;
    protected volatile Instant endedAt;
    protected volatile long progressDone;
    protected volatile long progressTotal;
    protected volatile long pid = -1;
    protected volatile long tid = -1;
    protected volatile long javaThreadId = -1;
    protected volatile long cpuNanos = -1;
    protected volatile Integer exitCode;
    protected volatile String result;
    protected volatile boolean cancelRequested;
    protected volatile String status;

    /** The supervisor's side of a worker's life. */
    interface Listener {
        void started(Worker w);

        void ended(Worker w);
    }

    Worker(int id, String name, WorkerKind kind, WorkloadSpec spec, boolean daemon, Listener listener) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.spec = spec;
        this.daemon = daemon;
        this.listener = listener;
    }

    /** Starts the worker; throws SpawnRefused (with a reason) when it cannot be started. */
    abstract void start();

    /** Cooperative stop: the workload ends at its next checkpoint. */
    abstract void cancel();

    /** Stop with force where the kind allows it (a process: SIGTERM; forcibly: SIGKILL). Threads only cancel. */
    abstract void terminate(boolean forcibly);

    abstract boolean isAlive();

    WorkerInfo info() {
        List<String> tail;
        synchronized (stderrTail) {
            tail = List.copyOf(stderrTail);
        }
        return new WorkerInfo(id, name, kind, spec, daemon, state, reason, startedAt, endedAt, progressDone,
                progressTotal, pid, tid, javaThreadId, cpuNanos, exitCode, result, tail, cancelRequested, status);
    }

    void progress(long done, long total) {
        progressDone = done;
        progressTotal = total;
    }

    void addStderr(String line) {
        String l = line.length() > STDERR_LINE_CHARS ? line.substring(0, STDERR_LINE_CHARS) + "…" : line;
        synchronized (stderrTail) {
            stderrTail.addLast(l);
            while (stderrTail.size() > STDERR_LINES) {
                stderrTail.removeFirst();
            }
        }
    }

    String lastStderr() {
        synchronized (stderrTail) {
            return stderrTail.isEmpty() ? null : stderrTail.peekLast();
        }
    }

    void markStarted() {
        startedAt = Instant.now();
        if (state == WorkerState.NEW) {
            state = WorkerState.RUNNING;
        }
        listener.started(this);
    }

    /** Records the end once; later calls are ignored. */
    void markEnded(WorkerState end, String why) {
        synchronized (this) {
            if (state.ended()) {
                return;
            }
            endedAt = Instant.now();
            reason = why;
            state = end;
        }
        listener.ended(this);
        ended.complete(info());
    }
}
