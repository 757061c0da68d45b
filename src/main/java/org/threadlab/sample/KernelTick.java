package org.threadlab.sample;

import java.time.Duration;
import java.util.Arrays;

/**
 * The kernel's scheduler tick, measured: a thread spins while reading its own {@code schedstat}, whose CPU
 * figure moves only when the kernel brings it up to date — at each tick while the thread keeps running.
 * The spacing of those moves, over spans where the thread ran throughout, is the tick (4 ms at HZ=250).
 */
final class KernelTick {
    /** How long the measurement may spin at most. */
    static final long BUDGET_NANOS = 100_000_000;
    private static volatile Duration cached;

    private KernelTick() {}

    /**
     * The tick on this machine, found once per JVM: the kernel's own CONFIG_HZ from {@code /proc/config.gz}
     * where the kernel offers it (its truth, and no spinning); else measured (up to three tries: a busy
     * machine preempts the measuring thread, and only spans it ran throughout count), and kept only when
     * it is one of the ticks kernels are built with; null when neither tells. A measurement alone once
     * read 1.3 ms on a busy machine whose tick is 4 ms: other tasks waking on the core also bring the
     * figure up to date, so a run of short gaps can outnumber the tick's.
     */
    static Duration measured(String root) {
        Duration d = cached;
        if (d == null) {
            d = configured(root);
        }
        for (int i = 0; d == null && i < 3; i++) {
            d = standard(measure(root));
        }
        cached = d;
        return d;
    }

    /** The kernel tick that {@code d} is within 10 % of (HZ 1000, 300, 250 or 100), or null. */
    static Duration standard(Duration d) {
        if (d == null) {
            return null;
        }
        for (long hz : new long[] {1000, 300, 250, 100}) {
            long tick = 1_000_000_000L / hz;
            if (Math.abs(d.toNanos() - tick) <= tick / 10) {
                return roundToTenthOfMilli(tick);
            }
        }
        return null;
    }

    /** 1/CONFIG_HZ from the kernel's build configuration; null when it is not there. */
    static Duration configured(String root) {
        try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(new java.io.FileInputStream(root + "/config.gz")),
                java.nio.charset.StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("CONFIG_HZ=")) {
                    long hz = Long.parseLong(line.substring("CONFIG_HZ=".length()).trim());
                    return hz > 0 ? roundToTenthOfMilli(1_000_000_000L / hz) : null;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // no config.gz (most distributions' kernels): the tick stays unknown
        }
        return null;
    }

    static Duration measure(String root) {
        ProcFiles files = new ProcFiles(1);
        ProcFiles.Kept self = files.keep(root + "/thread-self/schedstat");
        if (self == null) {
            return null;
        }
        try {
            long[] gaps = new long[256];
            int n = 0;
            long lastCpu = -1;
            long lastAt = -1;
            long deadline = System.nanoTime() + BUDGET_NANOS;
            while (n < gaps.length && System.nanoTime() < deadline) {
                if (!files.read(self)) {
                    return null;
                }
                long now = System.nanoTime();
                SchedStat s = SchedStat.parse(files.buffer(), files.length());
                if (s == null) {
                    return null;
                }
                if (s.cpuNanos() != lastCpu) {
                    // a move: keep the gap since the previous move only when the thread ran all of it (a
                    // preemption also moves the figure, at no tick)
                    if (lastCpu >= 0) {
                        long wall = now - lastAt;
                        long ran = s.cpuNanos() - lastCpu;
                        if (ran > wall * 9 / 10 && ran < wall * 11 / 10) {
                            gaps[n++] = ran;
                        }
                    }
                    lastAt = now;
                    lastCpu = s.cpuNanos();
                }
            }
            long tick = n < 4 ? -1 : topCluster(Arrays.copyOf(gaps, n));
            return tick <= 0 ? null : roundToTenthOfMilli(tick);
        } finally {
            files.release(self);
        }
    }

    /**
     * The tick from the gaps between moves of a thread that ran throughout: any scheduler event on its core
     * (another task waking there) also brings the figure up to date, so gaps are at most a tick and many
     * are shorter on a busy machine. The tick is the longest gap that at least three others confirm
     * (within 5 %); -1 when none is.
     */
    static long topCluster(long[] gaps) {
        long[] g = gaps.clone();
        Arrays.sort(g);
        for (int i = g.length - 1; i >= 0; i--) {
            int lo = i;
            while (lo > 0 && g[lo - 1] >= g[i] * 95 / 100) {
                lo--;
            }
            if (i - lo + 1 >= 4) {
                return g[(lo + i) / 2];
            }
        }
        return -1;
    }

    /** Ticks are whole fractions of a second (HZ 100, 250, 300, 1000): a tenth of a millisecond is fine enough. */
    static Duration roundToTenthOfMilli(long nanos) {
        return Duration.ofNanos(Math.round(nanos / 100_000.0) * 100_000);
    }
}
