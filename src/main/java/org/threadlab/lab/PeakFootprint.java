package org.threadlab.lab;

import org.threadlab.sample.ProcessFootprint;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/**
 * The peak of (threadlab + every live child) in resident memory and in OS threads while an
 * experiment runs, polled every 50 ms on a thread of its own: what "threads are cheap, processes
 * are heavy" looks like in bytes and in threads.
 */
final class PeakFootprint implements AutoCloseable {
    private final Supervisor supervisor;
    private final long self = ProcessHandle.current().pid();
    private final ProcessFootprint.Reader reader = new ProcessFootprint.Reader();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile long peakRss;
    private volatile int peakThreads;

    PeakFootprint(Supervisor supervisor) {
        this.supervisor = supervisor;
        poll();
        poller = new Thread(this::loop, "threadlab-footprint-probe");
        poller.setDaemon(true);
        poller.start();
    }

    private void loop() {
        while (running) {
            poll();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Runs on the constructor's thread once, then only on the poller. */
    private void poll() {
        ProcessFootprint f = reader.read(self);
        long rss = Math.max(0, f.rssBytes());
        int threads = Math.max(0, f.threads());
        for (WorkerInfo w : supervisor.workers()) {
            if (w.kind() == WorkerKind.PROCESS && w.state().alive() && w.pid() > 0) {
                ProcessFootprint c = reader.read(w.pid());
                rss += Math.max(0, c.rssBytes());
                threads += Math.max(0, c.threads());
            }
        }
        peakRss = Math.max(peakRss, rss);
        peakThreads = Math.max(peakThreads, threads);
    }

    long peakRss() {
        return peakRss;
    }

    int peakThreads() {
        return peakThreads;
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
