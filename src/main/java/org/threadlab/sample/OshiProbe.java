package org.threadlab.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import oshi.software.os.OSProcess;
import oshi.software.os.OSThread;
import oshi.software.os.OperatingSystem;

/**
 * One process through OSHI, where there is no /proc. Threads come from {@code getThreadDetails()}
 * (costly, but the only portable way); no last core, nice or voluntary/involuntary split (-1).
 */
final class OshiProbe implements ProcessProbe {
    private final int pid;
    private final OperatingSystem os;
    private OSProcess previous;
    private final Map<Integer, OSThread> previousThreads = new HashMap<>();

    OshiProbe(long pid, OperatingSystem os) {
        this.pid = (int) pid;
        this.os = os;
    }

    @Override
    public ProcessSample sample(String role, JavaView java) {
        OSProcess p = os.getProcess(pid);
        if (p == null) {
            previous = null;
            Duration unknown = Duration.ofSeconds(-1);
            return new ProcessSample(pid, -1, "?", "?", Double.NaN, unknown, unknown, -1, -1, -1, null, role,
                    List.of(), "no process " + pid);
        }
        double cpu = previous == null ? Double.NaN : p.getProcessCpuLoadBetweenTicks(previous) * 100;
        previous = p;
        List<ThreadSample> threads = new ArrayList<>();
        Map<Integer, OSThread> now = new HashMap<>();
        for (OSThread t : p.getThreadDetails()) {
            OSThread before = previousThreads.get(t.getThreadId());
            double tcpu = before == null ? Double.NaN : t.getThreadCpuLoadBetweenTicks(before) * 100;
            now.put(t.getThreadId(), t);
            JavaThreadSample j = java == null ? null : java.forTask(t.getThreadId(), JavaView.shortName(t.getName()), true);
            threads.add(new ThreadSample(t.getThreadId(), t.getName(), t.getState().name().substring(0, 1), tcpu, -1,
                    t.getPriority(), -1, -1, -1, j));
        }
        previousThreads.clear();
        previousThreads.putAll(now);
        return new ProcessSample(pid, p.getParentProcessID(), p.getName(), p.getState().name(), cpu,
                Duration.ofMillis(p.getUserTime()), Duration.ofMillis(p.getKernelTime()), p.getResidentSetSize(),
                p.getVirtualSize(), p.getThreadCount(), Instant.ofEpochMilli(p.getStartTime()), role, threads, null);
    }
}
