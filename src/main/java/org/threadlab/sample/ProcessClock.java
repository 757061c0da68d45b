package org.threadlab.sample;

import com.sun.jna.Native;
import java.util.function.LongUnaryOperator;

/**
 * The CPU time of a whole process, every thread and the ended ones, in nanoseconds, from Linux's
 * CPU-time clock of that process ({@code clock_gettime} on {@code MAKE_PROCESS_CPUCLOCK(pid,
 * CPUCLOCK_SCHED)}): one system call, where the files give it per thread only ({@code schedstat}) or in
 * clock ticks of 10 ms ({@code stat}). It is the sum of the same per-thread counter {@code schedstat}
 * shows ({@code sum_exec_runtime}), so the two can be compared to the nanosecond: {@link ProcProbe} reads
 * another process's threads that ran at its last read first, and leaves the rest unread when those
 * explain the process's whole CPU since then (docs/SAMPLER.md). Called through JNA, loaded in the
 * background on first use.
 */
final class ProcessClock {
    /** The clock's kind in the low bits of a CPU clock id: the scheduler's runtime, in nanoseconds. */
    private static final int CPUCLOCK_SCHED = 2;

    /** No process clock (a made-up /proc in tests, a system without it): every read is -1. */
    static final LongUnaryOperator NONE = pid -> -1;

    private ProcessClock() {}

    /** libc's clock_gettime through a JNA direct mapping (no proxy, no reflection a call). */
    private static final class LibC {
        static native int clock_gettime(int clockId, long[] timespec);

        static {
            Native.register("c");
        }
    }

    /**
     * This machine's process clocks where Linux and JNA give them, else -1. JNA costs 135-214 ms and
     * 8.5 MiB to load (docs/PERFORMANCE.md): it is loaded on a thread of its own when a clock is first
     * asked for, and the clocks read -1 until it is, so no tick waits for it (the sampler reads every
     * thread meanwhile, as without a clock) and only a screen that watches another process (a process
     * worker, an attached PID) pays for it; a one-shot command is not held up. threadlab's own process's
     * clock never starts the load: it is read once another process's clock has loaded JNA.
     */
    static LongUnaryOperator system() {
        long self = ProcessHandle.current().pid();
        return pid -> (pid == self ? Loader.loaded() : Loader.ready()) ? cpuNanos(pid) : -1;
    }

    /** Loads JNA and tries this process's own clock, once, in the background. */
    private static final class Loader {
        private static final int NOT_STARTED = 0;
        private static final int LOADING = 1;
        private static final int READY = 2;
        private static final int UNAVAILABLE = 3;
        private static volatile int state = NOT_STARTED;

        static boolean ready() {
            int s = state;
            if (s == NOT_STARTED) {
                start();
            }
            return s == READY;
        }

        /** Whether JNA is loaded and works, without starting the load. */
        static boolean loaded() {
            return state == READY;
        }

        private static synchronized void start() {
            if (state != NOT_STARTED) {
                return;
            }
            state = LOADING;
            Thread t = new Thread(() -> state = works() ? READY : UNAVAILABLE, "threadlab-clock-load");
            t.setDaemon(true);
            t.start();
        }

        private static boolean works() {
            if (!System.getProperty("os.name", "").startsWith("Linux")) {
                return false;
            }
            try {
                return cpuNanos(ProcessHandle.current().pid()) >= 0;
            } catch (LinkageError | RuntimeException e) {
                return false; // no JNA native library for this platform, no libc
            }
        }
    }

    /** The process's CPU time in nanoseconds, or -1 (it has ended, or the kernel refused). */
    static long cpuNanos(long pid) {
        if (pid <= 0 || pid > Integer.MAX_VALUE / 8) {
            return -1;
        }
        long[] timespec = new long[2];
        // MAKE_PROCESS_CPUCLOCK: the PID complemented, shifted past the clock kind and the per-thread bit
        int clockId = (~(int) pid << 3) | CPUCLOCK_SCHED;
        return LibC.clock_gettime(clockId, timespec) == 0 ? timespec[0] * 1_000_000_000L + timespec[1] : -1;
    }
}
