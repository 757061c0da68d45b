package org.threadlab.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import oshi.software.common.os.linux.LinuxOSThread;
import oshi.software.common.os.linux.LinuxOperatingSystem;
import oshi.software.os.OSProcess;
import oshi.software.os.OSThread;
import oshi.software.os.OperatingSystem;

/**
 * One process through OSHI ({@code --source oshi}, and wherever there is no /proc): name, state, PPID,
 * CPU time and CPU%, RSS, virtual size, thread count, start time, and every thread from
 * {@code getThreadDetails()} (TID, name, state, CPU time, priority; on Linux with the main thread, which
 * that list leaves out, {@link #addMainThread}). OSHI has no last core, nice or
 * context-switch split for a thread: those are -1 ("not available", shown as "-"), never made up.
 * CPU% is worked out here from OSHI's user + kernel milliseconds over the window measured between this
 * probe's own reads (OSHI's {@code getProcessCpuLoadBetweenTicks} falls back to the lifetime average when
 * its clocks do not move, which would pass for a figure of the interval).
 */
final class OshiProbe implements ProcessProbe {
    private final int pid;
    private final OperatingSystem os;
    private final LongSupplier clock;
    /** The previous read: its time, the process's CPU milliseconds, its start time (a reused PID differs). */
    private long prevNanos;
    private long prevCpuMillis = -1;
    private long startMillis = -1;
    private String lastName = "?";
    /** Each thread's CPU milliseconds at the previous read, by TID. */
    private Map<Integer, Long> prevThreadMillis = new HashMap<>();

    OshiProbe(long pid, OperatingSystem os) {
        this(pid, os, System::nanoTime);
    }

    OshiProbe(long pid, OperatingSystem os, LongSupplier clock) {
        this.pid = (int) pid;
        this.os = os;
        this.clock = clock;
    }

    @Override
    public ProcessSample sample(String role, JavaView java) {
        long now = clock.getAsLong();
        OSProcess p = os.getProcess(pid);
        if (p == null || p.getState() == OSProcess.State.INVALID) {
            prevCpuMillis = -1;
            prevThreadMillis.clear();
            Duration unknown = Duration.ofSeconds(-1);
            return new ProcessSample(pid, -1, lastName, "?", Double.NaN, unknown, unknown, -1, -1, -1,
                    startMillis < 0 ? null : Instant.ofEpochMilli(startMillis), role, List.of(), "no process " + pid);
        }
        if (startMillis < 0 || Math.abs(p.getStartTime() - startMillis) > 1000) {
            // first sight, or the PID now names another process: no deltas from the old one's counters.
            // (Not to the millisecond: OSHI gives a process younger than half a second "now - 1 ms" as its
            // start, then the true one.)
            prevCpuMillis = -1;
            prevThreadMillis.clear();
        }
        startMillis = p.getStartTime();
        lastName = p.getName();
        long cpuMillis = p.getUserTime() + p.getKernelTime();
        boolean firstSight = prevCpuMillis < 0;
        long windowNanos = now - prevNanos;
        double cpu = firstSight ? Double.NaN : percent(cpuMillis - prevCpuMillis, windowNanos);
        Duration window = firstSight ? null : Duration.ofNanos(windowNanos);
        prevCpuMillis = cpuMillis;
        prevNanos = now;

        List<OSThread> details = new ArrayList<>(p.getThreadDetails());
        addMainThread(details);
        details.sort(Comparator.comparingInt(OSThread::getThreadId)); // as the task directory lists them
        Map<String, Integer> names = new HashMap<>();
        for (OSThread t : details) {
            names.merge(JavaView.shortName(t.getName()), 1, Integer::sum);
        }
        Map<Integer, Long> threadMillis = new HashMap<>(details.size() * 2);
        List<ThreadSample> threads = new ArrayList<>(details.size());
        for (OSThread t : details) {
            long ms = t.getUserTime() + t.getKernelTime();
            Long before = prevThreadMillis.get(t.getThreadId());
            threadMillis.put(t.getThreadId(), ms);
            // a thread born since the last read counts from its birth, as /proc's probe does
            double tcpu = firstSight ? Double.NaN : percent(before == null ? ms : ms - before, windowNanos);
            String shortName = JavaView.shortName(t.getName());
            JavaThreadSample j = java == null ? null : java.forTask(t.getThreadId(), shortName, names.get(shortName) == 1);
            threads.add(new ThreadSample(t.getThreadId(), t.getName(), letter(t.getState()), tcpu, -1,
                    t.getPriority(), ThreadSample.UNKNOWN_NICE, -1, -1, j));
        }
        prevThreadMillis = threadMillis;
        return new ProcessSample(pid, p.getParentProcessID(), lastName, letter(p.getState()), cpu,
                Duration.ofMillis(p.getUserTime()), Duration.ofMillis(p.getKernelTime()), p.getResidentMemory(),
                p.getVirtualSize(), p.getThreadCount(), Instant.ofEpochMilli(startMillis), role, threads, null, window);
    }

    /**
     * OSHI 6.12's Linux thread list leaves out the main thread (its task listing skips TID == PID: a
     * single-threaded {@code sleep} has no threads at all), though /proc, ps and top list it. It is read
     * here with OSHI's own Linux thread reader, so the source still shows every thread the kernel has.
     */
    private void addMainThread(List<OSThread> details) {
        if (!(os instanceof LinuxOperatingSystem linux)) {
            return;
        }
        for (OSThread t : details) {
            if (t.getThreadId() == pid) {
                return; // a later OSHI that lists it
            }
        }
        OSThread main = new LinuxOSThread(pid, pid, linux);
        if (main.getState() != OSProcess.State.INVALID) {
            details.add(main);
        }
    }

    /** CPU milliseconds over a window as a percentage of one core (100 = one core busy). */
    static double percent(long cpuMillis, long windowNanos) {
        return windowNanos <= 0 ? Double.NaN : Math.max(0, cpuMillis) * 1e6 / windowNanos * 100;
    }

    /**
     * OSHI's state as the kernel's letter, which the rest of threadlab shows: RUNNING R, SLEEPING S,
     * WAITING (uninterruptible, D on Linux) D, STOPPED and SUSPENDED T, ZOMBIE Z; "?" for what OSHI
     * cannot tell (OTHER, INVALID).
     */
    static String letter(OSProcess.State state) {
        switch (state) {
            case RUNNING:
                return "R";
            case SLEEPING:
                return "S";
            case WAITING:
                return "D";
            case STOPPED:
            case SUSPENDED:
                return "T";
            case ZOMBIE:
                return "Z";
            default:
                return "?";
        }
    }
}
