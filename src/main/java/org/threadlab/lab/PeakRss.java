package org.threadlab.lab;

import java.util.function.LongSupplier;
import org.threadlab.sample.ProcessMemory;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/**
 * The peak of (threadlab's RSS + every live child's RSS) while an experiment runs, polled every
 * 50 ms on a thread of its own: what "processes are heavy" looks like in bytes.
 */
final class PeakRss implements AutoCloseable {
    private final Thread poller;
    private volatile boolean running = true;
    private volatile long peak;

    PeakRss(Supervisor supervisor) {
        long self = ProcessHandle.current().pid();
        LongSupplier total = () -> {
            long sum = Math.max(0, ProcessMemory.rss(self));
            for (WorkerInfo w : supervisor.workers()) {
                if (w.kind() == WorkerKind.PROCESS && w.state().alive() && w.pid() > 0) {
                    sum += Math.max(0, ProcessMemory.rss(w.pid()));
                }
            }
            return sum;
        };
        peak = total.getAsLong();
        poller = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, total.getAsLong());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "threadlab-rss-probe");
        poller.setDaemon(true);
        poller.start();
    }

    long peak() {
        return peak;
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        try {
            poller.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
