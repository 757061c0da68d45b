package org.threadlab.work;

import java.time.Duration;

/**
 * The simulated GIL's part of every {@link WorkContext}, written once: CPU work takes the lock at
 * each checkpoint, leaving CPU work or waiting gives it up. A thread worker, a child process's work
 * thread and a pool thread differ only in how they show "running" and "waiting" (a field, a line
 * to the parent, nothing), which they say in {@link #running()} and {@link #waiting()}.
 */
public abstract class GilContext implements WorkContext {
    private final SimulatedGil.Holder holder;

    /** Holds {@code gil} for the thread named so; a context that is a {@link SimulatedGil.Listener} hears when it waits for it. */
    protected GilContext(SimulatedGil gil, String threadName) {
        this.holder = gil.holder(threadName, this instanceof SimulatedGil.Listener l ? l : null);
    }

    /** Called before each slice of CPU work: a worker shown as waiting shows as running again. */
    protected void running() {
    }

    /** Called as a wait begins, the GIL already given up. */
    protected void waiting() {
    }

    @Override
    public final void cpuCheckpoint() throws InterruptedException {
        running();
        holder.checkpoint();
    }

    @Override
    public final void releaseCpu() {
        holder.release();
    }

    @Override
    public final void sleep(Duration d) throws InterruptedException {
        holder.release();
        waiting();
        Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    }

    /**
     * A thread of a thread pool inside a worker: its owner's cancellation and name, a GIL holder of
     * its own (made on the pool thread), and no progress of its own (the pool reports inputs done, not each task's steps).
     */
    public static final class PoolThread extends GilContext {
        private final WorkContext owner;

        public PoolThread(WorkContext owner, SimulatedGil gil) {
            super(gil, Thread.currentThread().getName());
            this.owner = owner;
        }

        @Override
        public boolean cancelRequested() {
            return owner.cancelRequested();
        }

        @Override
        public void progress(long done, long total) {
            // the pool's own progress is what the worker shows
        }

        @Override
        public String workerName() {
            return owner.workerName();
        }
    }
}
