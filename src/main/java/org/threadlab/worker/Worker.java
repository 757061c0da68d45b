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
    private final Deque<String> stdoutTail = new ArrayDeque<>();
    /** Lines ever kept in either tail (under the tails' lock): a view made at another count is out of date. */
    private volatile long tailLines;
    /** The view {@link #info()} made last, with the tails' line count it was made at (one write: never a mismatched pair). */
    private volatile Made lastInfo;

    private record Made(WorkerInfo info, long lines) {}
    /** For a process another worker started, that worker's id; else 0. */
    final int owner;
    /** The round it was started in (set before it starts), 0 for none. */
    volatile int round;
    /** The processes this worker starts (pool members, a consumer), or null when its workload starts none. */
    volatile MemberSet members;
    /** Processes this worker counts for against the limit: itself (a process) and those it will start. */
    volatile int reserved;
    /** It holds much of the heap (a memory workload, an out-of-memory crash): in this JVM, the heap is shrunk after it. */
    volatile boolean takesHeap;
    private boolean announced;
    protected volatile WorkerState state = WorkerState.NEW;
    protected volatile String reason;
    protected volatile Instant startedAt;
    protected volatile Instant endedAt;
    protected volatile long progressDone;
    protected volatile long progressTotal;
    /** While a wait shows its progress by the clock ({@link #progressOverTime}): when it began and how long it is (0: not). */
    private volatile long progressFromNanos;
    private volatile long progressSpanNanos;
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
        this(id, name, kind, spec, daemon, listener, 0);
    }

    Worker(int id, String name, WorkerKind kind, WorkloadSpec spec, boolean daemon, Listener listener, int owner) {
        this.owner = owner;
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.spec = spec;
        this.daemon = daemon;
        this.listener = listener;
    }

    /** Starts the worker; throws SpawnRefused (with a reason) when it cannot be started. */
    abstract void start();

    /** Called by the supervisor once {@link #start} returned, outside its lock; nothing by default. */
    void afterStart() {
    }

    /** Cooperative stop: the workload ends at its next checkpoint. */
    abstract void cancel();

    /** Stop with force where the kind allows it (a process: SIGTERM; forcibly: SIGKILL). Threads only cancel. */
    abstract void terminate(boolean forcibly);

    abstract boolean isAlive();

    /** Closes the worker's input, where it has one: a child process then halts at once, after its own clean-up. */
    void closeInput() {
    }

    /** The last resort: SIGKILL for everything this worker runs. Threads cannot be killed: they are only cancelled. */
    void killAll() {
        terminate(true);
    }

    WorkerInfo info() {
        Made last = lastInfo;
        // the model asks for every worker's view at every model: 10,000 sleeping workers mostly have not
        // changed since, and the view made last time is handed out again rather than made anew
        long done = progressDone();
        if (last != null && last.lines() == tailLines && unchanged(last.info(), done)) {
            return last.info();
        }
        List<String> tail;
        List<String> out;
        long lines;
        synchronized (stderrTail) {
            tail = List.copyOf(stderrTail);
            out = List.copyOf(stdoutTail);
            lines = tailLines;
        }
        WorkerInfo made = new WorkerInfo(id, name, kind, spec, daemon, state, reason, startedAt, endedAt, done,
                progressTotal, pid, tid, javaThreadId, cpuNanos, exitCode, result, tail, cancelRequested, status, out, owner, round);
        lastInfo = new Made(made, lines);
        return made;
    }

    /** Whether every field of {@code last} still holds (the same objects: a new reason or status is a new view). */
    private boolean unchanged(WorkerInfo last, long done) {
        return last.state() == state && last.progressDone() == done && last.progressTotal() == progressTotal
                && last.tid() == tid && last.pid() == pid && last.javaThreadId() == javaThreadId
                && last.cpuNanos() == cpuNanos && last.startedAt() == startedAt && last.endedAt() == endedAt
                && last.reason() == reason && last.exitCode() == exitCode && last.result() == result
                && last.status() == status && last.cancelRequested() == cancelRequested && last.round() == round;
    }

    /** The PID of the watchdog JVM that runs this worker's program (exec workers), else -1. */
    long watchdogPid() {
        return -1;
    }

    void progress(long done, long total) {
        progressSpanNanos = 0;
        progressDone = done;
        progressTotal = total;
    }

    /** From now on, for {@code span}, its progress moves by the clock from 0 to {@code steps} (a wait in one piece). */
    void progressOverTime(java.time.Duration span, long steps) {
        progressDone = 0;
        progressTotal = steps;
        progressFromNanos = System.nanoTime();
        progressSpanNanos = Math.max(1, span.toNanos());
    }

    /** The steps done: by the clock during such a wait (never past its total), else as last reported. */
    long progressDone() {
        long span = progressSpanNanos;
        if (span == 0) {
            return progressDone;
        }
        long total = progressTotal;
        double part = (double) (System.nanoTime() - progressFromNanos) / span;
        return (long) Math.max(0, Math.min(total, part * total));
    }

    void addStderr(String line) {
        keep(stderrTail, line);
    }

    /** A line an exec worker's program wrote to its stdout: the last ones are kept like stderr's. */
    void addStdout(String line) {
        keep(stdoutTail, line);
    }

    private void keep(Deque<String> tail, String line) {
        String l = line.length() > STDERR_LINE_CHARS ? line.substring(0, STDERR_LINE_CHARS) + "…" : line;
        synchronized (stderrTail) {
            tailLines++;
            tail.addLast(l);
            while (tail.size() > STDERR_LINES) {
                tail.removeFirst();
            }
        }
    }

    String lastStderr() {
        synchronized (stderrTail) {
            return stderrTail.isEmpty() ? null : stderrTail.peekLast();
        }
    }

    void markStarted() {
        markStarted(true);
    }

    /** @param announce false defers the start event until {@link #announce()} (an exec worker waits for its program's PID) */
    void markStarted(boolean announce) {
        startedAt = Instant.now();
        if (state == WorkerState.NEW) {
            state = WorkerState.RUNNING;
        }
        if (announce) {
            announce();
        }
    }

    /** Publishes the start, once. */
    void announce() {
        synchronized (this) {
            if (announced) {
                return;
            }
            announced = true;
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
        // a start not yet told (an exec worker whose program never started) comes before its end
        announce();
        listener.ended(this);
        ended.complete(info());
    }
}
