package org.threadlab.worker;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import org.threadlab.work.GilContext;
import org.threadlab.work.PoolMap;
import org.threadlab.work.SimulatedGil;
import org.threadlab.work.WorkContext;
import org.threadlab.work.Workload;
import org.threadlab.work.WorkloadSpec;

/**
 * A worker on a platform or virtual thread of threadlab's own JVM. It shares the JVM's simulated
 * GIL with every other thread worker. It cannot be killed, only asked to stop: a workload that
 * ignores the request keeps running, and the supervisor says so.
 */
final class ThreadWorker extends Worker {
    private final Workload workload;
    private final SimulatedGil gil;
    private final Thread thread;
    /** The CPU of the pool threads its workload started and saw end (a thread pool's work is done there). */
    private final java.util.concurrent.atomic.LongAdder poolCpu = new java.util.concurrent.atomic.LongAdder();

    ThreadWorker(int id, String name, WorkerKind kind, WorkloadSpec spec, boolean daemon, Listener listener,
                 Workload workload, SimulatedGil gil) {
        super(id, name, kind, spec, daemon, listener);
        this.workload = workload;
        this.gil = gil;
        Runnable body = this::body;
        if (kind == WorkerKind.VIRTUAL) {
            this.thread = VirtualThreads.unstarted(name, body);
        } else {
            this.thread = new Thread(body, name);
            // daemon threads do not keep the JVM alive; the supervisor applies Python's exit rules itself
            this.thread.setDaemon(daemon);
        }
        this.javaThreadId = thread.getId();
        this.pid = ProcessHandle.current().pid();
    }

    @Override
    void start() {
        thread.start();
    }

    /**
     * The start event is published by the thread that started this one, not by the worker's own thread:
     * what a sleeping thread ever ran stays in its resident stack (the interpreter touches 80 KiB of it
     * for any method not yet compiled), so the event's text, the log and its listeners are kept off
     * 10,000 sleepers' stacks. A worker that ends first publishes its start itself, before its end.
     */
    @Override
    void afterStart() {
        announce();
    }

    private void body() {
        // a virtual thread has no TID of its own: it runs on whichever carrier is free
        tid = kind == WorkerKind.VIRTUAL ? -1 : NativeThreadId.current();
        markStarted(false);
        Context ctx = new Context();
        try {
            String outcome = workload.run(ctx);
            result = outcome;
            recordCpu();
            markEnded(WorkerState.FINISHED, null);
        } catch (InterruptedException e) {
            recordCpu();
            markEnded(cancelRequested ? WorkerState.TERMINATED : WorkerState.FAILED,
                    cancelRequested ? "stopped on request" : "interrupted");
        } catch (Throwable e) {
            recordCpu();
            markEnded(WorkerState.FAILED, Failures.describe(e));
        } finally {
            ctx.releaseCpu();
        }
    }

    private void recordCpu() {
        if (kind == WorkerKind.THREAD) {
            try {
                ThreadMXBean mx = ManagementFactory.getThreadMXBean();
                long own = mx.getCurrentThreadCpuTime();
                cpuNanos = own < 0 ? -1 : own + poolCpu.sum();
            } catch (UnsupportedOperationException e) {
                cpuNanos = -1;
            }
        }
    }

    @Override
    void cancel() {
        cancelRequested = true;
        thread.interrupt();
    }

    @Override
    void terminate(boolean forcibly) {
        cancel();
    }

    @Override
    boolean isAlive() {
        return thread.isAlive();
    }

    /** The workload's view of this worker; one per thread (pool threads get their own). */
    /** The worker's own context: its state shows running, waiting or blocked for the GIL. */
    private final class Context extends GilContext implements PoolMap.PoolAware, SimulatedGil.Listener {

        Context() {
            super(gil, Thread.currentThread().getName());
        }

        @Override
        protected void running() {
            if (state == WorkerState.WAITING) {
                state = WorkerState.RUNNING;
            }
        }

        @Override
        protected void waiting() {
            state = WorkerState.WAITING;
        }

        @Override
        public boolean cancelRequested() {
            return cancelRequested;
        }

        @Override
        public void progress(long done, long total) {
            ThreadWorker.this.progress(done, total);
        }

        /** One wait, its progress by the clock: a sleeping thread worker wakes once, not every step. */
        @Override
        public boolean sleepShowingProgress(Duration duration, long steps) throws InterruptedException {
            progressOverTime(duration, steps);
            try {
                if (!duration.isZero() && !duration.isNegative()) {
                    sleep(duration);
                }
            } finally {
                // stopped (or cancelled) where the clock had it: a step reported after is the workload's
                ThreadWorker.this.progress(progressDone(), progressTotal);
            }
            return true;
        }

        @Override
        public void status(String text) {
            status = text;
        }

        @Override
        public String workerName() {
            return name;
        }

        @Override
        public WorkContext forPoolThread() {
            return new GilContext.PoolThread(this, gil);
        }

        @Override
        public void poolThreadEnded() {
            // runs on the pool thread itself: its own CPU is the one thread CPU the JVM can read cheaply
            if (kind == WorkerKind.THREAD) {
                try {
                    long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    if (cpu > 0) {
                        poolCpu.add(cpu);
                    }
                } catch (UnsupportedOperationException e) {
                    // no per-thread CPU in this JVM: the worker's own reading is -1 too
                }
            }
        }

        @Override
        public void blocked(boolean waitingForGil) {
            if (state.alive()) {
                state = waitingForGil ? WorkerState.BLOCKED : WorkerState.RUNNING;
            }
        }
    }
}
