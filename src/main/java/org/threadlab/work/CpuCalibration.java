package org.threadlab.work;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How many {@link CpuBurn} iterations make one "unit" of about one second of one core on this
 * machine. Measured once (about half a second, after JIT warm-up) and cached per machine and JVM
 * under the user's cache folder, so every run and every child agrees on what a unit is.
 */
public final class CpuCalibration {
    // v2: per CPU second (v1 was per wall second, too small when measured on a busy machine)
    private static final String VERSION = "v2";
    private static volatile Long cached;

    private CpuCalibration() {}

    /** Iterations per unit: from {@code -Dthreadlab.cpu.unit}, the cache file, or a fresh measurement. */
    public static long iterationsPerUnit() {
        Long c = cached;
        if (c != null) {
            return c;
        }
        synchronized (CpuCalibration.class) {
            if (cached == null) {
                cached = load();
            }
            return cached;
        }
    }

    private static long load() {
        String forced = System.getProperty("threadlab.cpu.unit");
        if (forced != null) {
            return Long.parseLong(forced);
        }
        Path file = cacheFile();
        String key = machineKey();
        try {
            if (file != null && Files.isReadable(file)) {
                String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split("\t");
                if (parts.length == 2 && parts[0].equals(key)) {
                    long v = Long.parseLong(parts[1]);
                    if (v > 0) {
                        return v;
                    }
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // a damaged cache is measured again
        }
        long measured = measure();
        if (file != null) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, key + "\t" + measured + "\n", StandardCharsets.UTF_8);
            } catch (IOException ignored) {
                // a read-only home still works, it just measures each time
            }
        }
        return measured;
    }

    /**
     * Best rate of several 80 ms runs after warm-up, per second of this thread's own CPU time: on a
     * busy machine a wall-clock second holds only a share of a core, and a unit measured so was half
     * a CPU second or less. The wall clock is used only where the JVM has no thread CPU clock.
     */
    public static long measure() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.function.LongSupplier clock = mx.isCurrentThreadCpuTimeSupported() ? mx::getCurrentThreadCpuTime : System::nanoTime;
        long chunk = 200_000;
        long seed = 1;
        // warm-up so the JIT has compiled burn()
        long warmUntil = clock.getAsLong() + 150_000_000L;
        while (clock.getAsLong() < warmUntil) {
            seed = CpuBurn.burn(chunk, seed);
        }
        double best = 0;
        for (int round = 0; round < 5; round++) {
            long iterations = 0;
            long start = clock.getAsLong();
            long end = start + 80_000_000L;
            long now;
            while ((now = clock.getAsLong()) < end) {
                seed = CpuBurn.burn(chunk, seed);
                iterations += chunk;
            }
            best = Math.max(best, iterations / ((now - start) / 1e9));
        }
        if (seed == 42) {
            // keeps seed alive for the JIT; practically never true
            System.out.print("");
        }
        return Math.max(CpuBurn.SLICES_PER_UNIT, (long) best);
    }

    private static String machineKey() {
        return (VERSION + " " + System.getProperty("java.vm.version") + " " + System.getProperty("os.arch")
                + " " + Runtime.getRuntime().availableProcessors()).replace('\t', ' ').toLowerCase(Locale.ROOT);
    }

    private static Path cacheFile() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "threadlab", "cpu-calibration");
        }
        return home == null ? null : Path.of(home, ".cache", "threadlab", "cpu-calibration");
    }
}
