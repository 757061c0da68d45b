package org.threadlab.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.threadlab.text.Stats;
import org.threadlab.work.Param;
import org.threadlab.work.PoolMember;
import org.threadlab.work.TypedSpec;
import org.threadlab.work.WorkContext;
import org.threadlab.work.Workload;
import org.threadlab.work.WorkloadType;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.VirtualThreads;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/**
 * A thread worker running (the spawn request until its workload's first instruction, on its own
 * thread) against a bare {@code new Thread(r).start()} until {@code r} runs, in the same run,
 * alternating; the same for a virtual-thread worker against a bare {@code Thread.ofVirtual().start(r)}
 * (Java 21+). Issue 13: at most 3x each.
 */
public final class ThreadStartFigure implements Figure {
    static final double MAX_RATIO = 3.0;

    @Override
    public String id() {
        return "thread-start";
    }

    @Override
    public String summary() {
        return "thread worker running (spawn to its work started) vs bare Thread.start(); virtual worker vs bare virtual thread: <= 3x";
    }

    @Override
    public List<BenchRow> measure(BenchContext context) throws Exception {
        int warmup = context.quick() ? 5 : 300;
        int starts = context.quick() ? 10 : 1_000;
        List<BenchRow> rows = new ArrayList<>();
        context.say("bench thread-start: " + starts + " thread workers and bare threads, alternating…");
        Pair p = measure(WorkerKind.THREAD, warmup, starts);
        rows.add(row("thread-start", "thread worker running (spawn to work started)", p, "bare new Thread(r).start() to r running"));
        if (!VirtualThreads.available()) {
            rows.add(BenchRow.skipped("virtual-start", "virtual thread worker running (spawn to work started)",
                    "bare Thread.ofVirtual().start(r)", "<= 3.0x", "virtual threads need Java 21 (this is Java "
                            + Runtime.version().feature() + ")"));
        } else {
            context.say("bench thread-start: " + starts + " virtual thread workers and bare virtual threads, alternating…");
            Pair v = measure(WorkerKind.VIRTUAL, warmup, starts);
            rows.add(row("virtual-start", "virtual thread worker running (spawn to work started)", v,
                    "bare Thread.ofVirtual().start(r) to r running"));
        }
        return rows;
    }

    private static BenchRow row(String id, String figure, Pair p, String reference) {
        return BenchRow.ratio(id, figure, Amount.ms(p.worker()), reference, Amount.ms(p.bare()), MAX_RATIO, "")
                .withNote(String.format(Locale.ROOT, "medians of %d starts each, alternating; p90 %.3f ms vs %.3f ms",
                        p.starts(), p.workerP90(), p.bareP90()));
    }

    /** Medians and 90th percentiles, in milliseconds, of the worker's start and the bare thread's. */
    record Pair(double worker, double bare, double workerP90, double bareP90, int starts) {}

    /** Starts {@code warmup} then {@code starts} of each, one after the other, each waited for to the end. */
    static Pair measure(WorkerKind kind, int warmup, int starts) throws Exception {
        Supervisor supervisor = new Supervisor(Limits.DEFAULT, false);
        try {
            Probe probe = new Probe();
            TypedSpec spec = new TypedSpec(probe, Map.of());
            MethodHandle virtual = kind == WorkerKind.VIRTUAL ? ofVirtualStart() : null;
            double[] worker = new double[starts];
            double[] bare = new double[starts];
            for (int i = 0; i < warmup + starts; i++) {
                // the worker
                probe.ran.set(0);
                long t0 = System.nanoTime();
                WorkerInfo w = supervisor.spawn(kind, spec, true);
                long ran = await(probe.ran);
                supervisor.join(w.id(), Duration.ofSeconds(10));
                // the bare thread, the same work: note the time, end
                AtomicLong bareRan = new AtomicLong();
                Runnable r = () -> bareRan.set(System.nanoTime());
                long t1 = System.nanoTime();
                Thread t = virtual != null ? start(virtual, r) : new Thread(r);
                if (virtual == null) {
                    t.start();
                }
                long bareAt = await(bareRan);
                t.join(10_000);
                if (i >= warmup) {
                    worker[i - warmup] = (ran - t0) / 1e6;
                    bare[i - warmup] = (bareAt - t1) / 1e6;
                }
                if (i % 200 == 199) {
                    supervisor.clearEnded();
                }
            }
            return new Pair(Stats.percentile(worker, 0.5), Stats.percentile(bare, 0.5), Stats.percentile(worker, 0.9), Stats.percentile(bare, 0.9), starts);
        } finally {
            supervisor.close();
        }
    }

    /** Waits (spinning briefly, then yielding) until the started code set its time; fails after 10 s. */
    private static long await(AtomicLong at) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long v;
        while ((v = at.get()) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("a started thread did not run within 10 s");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        return v;
    }

    /** {@code Thread.ofVirtual().start(r)}, looked up once (Java 21+; the build targets 17). */
    private static MethodHandle ofVirtualStart() throws ReflectiveOperationException {
        MethodHandles.Lookup l = MethodHandles.publicLookup();
        Class<?> builder = Class.forName("java.lang.Thread$Builder$OfVirtual");
        MethodHandle of = l.findStatic(Thread.class, "ofVirtual", MethodType.methodType(builder));
        MethodHandle start = l.findVirtual(builder, "start", MethodType.methodType(Thread.class, Runnable.class));
        // (Runnable) -> Thread: a new builder each time, as Thread.ofVirtual().start(r) makes one
        return MethodHandles.foldArguments(start, of);
    }

    private static Thread start(MethodHandle virtual, Runnable r) {
        try {
            return (Thread) virtual.invoke(r);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot start a virtual thread: " + e, e);
        }
    }

    /** A workload that notes when it starts and ends at once: the time a worker takes to be running. */
    static final class Probe extends WorkloadType {
        final AtomicLong ran = new AtomicLong();

        @Override
        public String name() {
            return "start-probe";
        }

        @Override
        public String summary() {
            return "notes when it starts, then ends";
        }

        @Override
        public boolean listed() {
            return false;
        }

        @Override
        public List<Param<?>> params() {
            return List.of();
        }

        @Override
        public Workload create(TypedSpec spec, PoolMember.Launcher launcher, boolean inChildProcess) {
            return (WorkContext ctx) -> {
                ran.set(System.nanoTime());
                return "started";
            };
        }
    }
}
