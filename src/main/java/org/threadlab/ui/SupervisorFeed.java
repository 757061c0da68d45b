package org.threadlab.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.threadlab.sample.CoreSample;
import org.threadlab.sample.History;
import org.threadlab.sample.HostSample;
import org.threadlab.sample.Snapshot;
import org.threadlab.sample.SnapshotSource;
import org.threadlab.sample.WorkerSample;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;

/**
 * A stand-in for the live Sampler: snapshots built from what the supervisor knows (workers, GIL,
 * events) without reading the system, so every measured number is unknown (NaN or -1) and the
 * screen shows "-" for it. The command obtains its source from {@code UiCommand.openSource}, so
 * replacing this with the Sampler is one line.
 */
public final class SupervisorFeed implements SnapshotSource {
    static final int EVENTS = 200;

    private final Supervisor supervisor;
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private final AtomicLong seq = new AtomicLong();
    private final long selfPid = ProcessHandle.current().pid();
    private final String hostName = hostName();
    private volatile Duration interval;
    private volatile Snapshot latest;
    private ScheduledFuture<?> task;

    public SupervisorFeed(Supervisor supervisor, Duration interval) {
        check(interval);
        this.supervisor = supervisor;
        this.interval = interval;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "threadlab-feed");
            t.setDaemon(true);
            return t;
        });
        latest = build();
        schedule();
    }

    @Override
    public Snapshot latest() {
        return latest;
    }

    @Override
    public void onSnapshot(Consumer<Snapshot> listener) {
        listeners.add(listener);
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public synchronized void setInterval(Duration interval) {
        check(interval);
        this.interval = interval;
        task.cancel(false);
        schedule();
    }

    @Override
    public synchronized void close() {
        task.cancel(false);
        timer.shutdownNow();
    }

    private synchronized void schedule() {
        long ms = interval.toMillis();
        task = timer.scheduleAtFixedRate(this::tick, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            sampleNow();
        } catch (RuntimeException e) {
            // a failed tick must not cancel the schedule; the next one tries again
        }
    }

    /** Takes and publishes a snapshot at once (the timer's job; tests call it to avoid waiting a tick). */
    Snapshot sampleNow() {
        Snapshot s = build();
        latest = s;
        for (Consumer<Snapshot> l : listeners) {
            l.accept(s);
        }
        return s;
    }

    private Snapshot build() {
        int n = Runtime.getRuntime().availableProcessors();
        List<CoreSample> cores = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cores.add(unknownCore(i));
        }
        HostSample host = new HostSample(hostName, null, new double[] {-1, -1, -1}, cores, unknownCore(-1), -1, -1, -1, -1);
        List<WorkerSample> workers = new ArrayList<>();
        for (WorkerInfo w : supervisor.workers()) {
            workers.add(new WorkerSample(w, Double.NaN, -1, -1, null, History.EMPTY));
        }
        return new Snapshot(seq.incrementAndGet(), Instant.now(), interval, selfPid, host, List.of(), workers,
                supervisor.gil().state(), supervisor.events().recent(EVENTS));
    }

    private static CoreSample unknownCore(int id) {
        return new CoreSample(id, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, History.EMPTY);
    }

    private static void check(Duration interval) {
        if (interval.toMillis() < 100) {
            throw new IllegalArgumentException("the interval must be at least 100ms, not " + interval.toMillis() + "ms");
        }
    }

    /** Without DNS (InetAddress can block on it): the environment, then /etc/hostname. */
    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) {
            return h.trim();
        }
        try {
            String f = java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")).trim();
            return f.isEmpty() ? "localhost" : f;
        } catch (java.io.IOException | RuntimeException e) {
            return "localhost";
        }
    }
}
