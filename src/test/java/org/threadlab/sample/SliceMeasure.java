package org.threadlab.sample;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The measurements behind docs/SAMPLER.md ("Fine time") and docs/PERFORMANCE.md: the kernel tick, the
 * cost of one thread's read, how true per-slice CPU is for a thread burning one core, and the slices
 * thread's own CPU. Run: {@code java -cp target/classes:target/test-classes org.threadlab.sample.SliceMeasure}
 */
public final class SliceMeasure {
    private SliceMeasure() {}

    public static void main(String[] args) throws Exception {
        long self = ProcessHandle.current().pid();
        System.out.println("kernel tick: " + KernelTick.measure(Platform.PROC));
        readCost(self);
        accuracy(self);
        threadCost(self);
    }

    /** ns per thread for one slice's reads: kept-open pread vs open-read-close. */
    static void readCost(long self) throws Exception {
        List<Thread> sleepers = sleepers(64);
        Set<Long> tids = tidsOf(self, sleepers);
        SliceSampler s = new SliceSampler(Platform.PROC, -1, true);
        s.watch(new SliceWatch(Map.of(self, tids), Map.of()));
        s.step();
        for (int i = 0; i < 200; i++) {
            s.step();
        }
        long t0 = System.nanoTime();
        int rounds = 1000;
        for (int i = 0; i < rounds; i++) {
            s.step();
        }
        double pread = (System.nanoTime() - t0) / (double) rounds / tids.size();
        ProcFiles f = new ProcFiles();
        for (int w = 0; w < 2; w++) {
            t0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                for (long tid : tids) {
                    String dir = "/proc/" + self + "/task/" + tid;
                    f.read(dir + "/stat");
                    TaskStat.parse(f.buffer(), f.length());
                    f.read(dir + "/schedstat");
                    SchedStat.parse(f.buffer(), f.length());
                }
            }
        }
        double orc = (System.nanoTime() - t0) / (double) rounds / tids.size();
        System.out.printf(Locale.ROOT, "read cost per thread: pread %.1f us, open-read-close %.1f us%n", pread / 1e3, orc / 1e3);
        s.close();
        sleepers.forEach(Thread::interrupt);
    }

    /**
     * A spinner burning what it is given of a core, read at several slice lengths by schedstat and, at the
     * same moments, by its exact CPU clock: the error of schedstat's figure per slice, in cores.
     */
    static void accuracy(long self) throws Exception {
        try (Kernel.Spinner spin = new Kernel.Spinner("spin", new CountDownLatch(0))) {
            Thread.sleep(50);
            System.out.println("slice   n  exact cores p10/med/p90 | sched-exact cores: p10 med p90 max|err|  within ±0.1 core  within ±0.25  'R' at end");
            for (int ms : new int[] {2, 5, 10, 20, 50}) {
                SliceSampler sched = new SliceSampler(Platform.PROC, -1, true);
                SliceSampler exact = new SliceSampler(Platform.PROC, self, true);
                sched.watch(new SliceWatch(Map.of(self, Set.of(spin.tid)), Map.of()));
                exact.watch(new SliceWatch(Map.of(self, Set.of(spin.tid)), Map.of(spin.tid, spin.thread.getId())));
                List<Double> err = new ArrayList<>();
                List<Double> ex = new ArrayList<>();
                int running = 0;
                long next = System.nanoTime();
                sched.step();
                exact.step();
                long end = System.nanoTime() + 3_000_000_000L;
                while (System.nanoTime() < end) {
                    next += ms * 1_000_000L;
                    if (next < System.nanoTime()) {
                        next = System.nanoTime() + ms * 1_000_000L; // a stalled loop: no slice of a few µs
                    }
                    while (System.nanoTime() < next) {
                        java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
                    }
                    Slice a = sched.step();
                    Slice b = exact.step();
                    double sa = a.threads().get(0).cpuNanos() / (double) a.spanNanos();
                    double sb = b.threads().get(0).cpuNanos() / (double) b.spanNanos();
                    err.add(sa - sb);
                    ex.add(sb);
                    running += a.threads().get(0).state() == 'R' ? 1 : 0;
                }
                sched.close();
                exact.close();
                double[] e = err.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double[] x = ex.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double maxAbs = Math.max(-e[0], e[e.length - 1]);
                long w10 = Arrays.stream(e).filter(v -> Math.abs(v) <= 0.1).count();
                long w25 = Arrays.stream(e).filter(v -> Math.abs(v) <= 0.25).count();
                System.out.printf(Locale.ROOT, "%2d ms %5d  %.2f/%.2f/%.2f | %+.2f %+.2f %+.2f  %.2f  %3.0f%%  %3.0f%%  %3.0f%%%n", ms, e.length,
                        q(x, .1), q(x, .5), q(x, .9), q(e, .1), q(e, .5), q(e, .9), maxAbs,
                        100.0 * w10 / e.length, 100.0 * w25 / e.length, 100.0 * running / e.length);
            }
        }
    }

    /** CPU of the slices thread, as a share of a core, at 5 and 20 ms with 4, 16, 64 watched threads. */
    static void threadCost(long self) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<Thread> sleepers = sleepers(64);
        List<Long> all = new ArrayList<>(tidsOf(self, sleepers));
        for (int ms : new int[] {5, 20}) {
            for (int n : new int[] {4, 16, 64}) {
                SliceSampler s = new SliceSampler(Platform.PROC, -1, true);
                s.setSlice(Duration.ofMillis(ms));
                s.watch(new SliceWatch(Map.of(self, new LinkedHashSet<>(all.subList(0, n))), Map.of()));
                AtomicLong slices = new AtomicLong();
                s.onSlices(b -> slices.addAndGet(b.slices().size()));
                s.start();
                Thread.sleep(300);
                Thread t = Thread.getAllStackTraces().keySet().stream().filter(x -> x.getName().equals("threadlab-slices") && x.isAlive()).findFirst().orElseThrow();
                long c0 = mx.getThreadCpuTime(t.getId());
                long w0 = System.nanoTime();
                long n0 = slices.get();
                Thread.sleep(3000);
                long c1 = mx.getThreadCpuTime(t.getId());
                long w1 = System.nanoTime();
                long n1 = slices.get();
                s.close();
                System.out.printf(Locale.ROOT, "slice %2d ms (in force %s), %2d threads: %.2f%% of a core, %d slices/s%n", ms,
                        s.slice().toMillis() + " ms", n, 100.0 * (c1 - c0) / (w1 - w0), (n1 - n0) * 1_000_000_000L / (w1 - w0));
            }
        }
        sleepers.forEach(Thread::interrupt);
    }

    static double q(double[] v, double p) {
        return v[(int) Math.min(v.length - 1, Math.round(p * (v.length - 1)))];
    }

    static List<Thread> sleepers(int n) throws InterruptedException {
        List<Thread> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    // done
                }
            }, "sleeper-" + i);
            t.setDaemon(true);
            t.start();
            out.add(t);
        }
        Thread.sleep(100);
        return out;
    }

    /** Native TIDs of threads of this JVM, by name (comm holds the first 15 bytes). */
    static Set<Long> tidsOf(long self, List<Thread> threads) throws Exception {
        Set<String> names = new java.util.HashSet<>();
        threads.forEach(t -> names.add(t.getName()));
        Set<Long> out = new LinkedHashSet<>();
        for (String tid : ProcFiles.list("/proc/" + self + "/task")) {
            if (names.contains(Kernel.comm(self, Long.parseLong(tid)))) {
                out.add(Long.parseLong(tid));
            }
        }
        return out;
    }
}
