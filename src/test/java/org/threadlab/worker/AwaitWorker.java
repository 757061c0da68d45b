package org.threadlab.worker;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Waits in tests for what a worker reports a moment after its spawn, with a deadline that fails loudly. */
public final class AwaitWorker {
    private AwaitWorker() {}

    /** The worker once it has reported its native thread id (within 10 s, or the test fails). */
    public static WorkerInfo withTid(Supervisor supervisor, int id) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        WorkerInfo w = supervisor.worker(id).orElseThrow();
        while (w.tid() <= 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            w = supervisor.worker(id).orElseThrow();
        }
        assertTrue(w.tid() > 0, "worker " + id + " reported its TID");
        return w;
    }
}
