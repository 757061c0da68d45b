package org.threadlab.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Every process through OSHI's {@code getProcesses()}: the list of every process where there is no
 * /proc (macOS, Windows), behind the same {@link ProcessLister} as {@link ProcLister}. CPU% is each
 * process's user+kernel milliseconds over the time between its own two reads (a PID with another start
 * time starts afresh), as ProcLister's from ticks. OSHI says nothing of kernel threads: on Linux
 * kthreadd (PID 2) and its children, which have no command line, are taken as such.
 */
public final class OshiLister implements ProcessLister {
    private record Seen(long start, long millis, long nanos) {}

    private final OperatingSystem os;
    private final LongSupplier clock;
    private Map<Long, Seen> seen = new HashMap<>();

    /** @param os from the one {@code SystemInfo} of the {@link Platform} */
    public OshiLister(OperatingSystem os) {
        this(os, System::nanoTime);
    }

    OshiLister(OperatingSystem os, LongSupplier clock) {
        this.os = os;
        this.clock = clock;
    }

    @Override
    public ProcessTable read() {
        long t0 = System.nanoTime();
        List<OSProcess> all;
        try {
            all = os.getProcesses();
        } catch (RuntimeException e) {
            return ProcessTable.failed("OSHI: " + org.threadlab.text.Reasons.of(e));
        }
        long nanos = clock.getAsLong();
        Map<Long, Seen> now = new HashMap<>(Math.max(16, all.size() * 2));
        List<ProcessRow> rows = new ArrayList<>(all.size());
        for (OSProcess p : all) {
            char state = state(p.getState());
            if (state == 0) {
                continue; // gone while read
            }
            long pid = p.getProcessID();
            long millis = p.getUserTime() + p.getKernelTime();
            Seen prev = seen.get(pid);
            double cpu = prev != null && prev.start == p.getStartTime() && nanos > prev.nanos
                    ? Math.max(0, millis - prev.millis) * 1e8 / (nanos - prev.nanos) : Double.NaN;
            now.put(pid, new Seen(p.getStartTime(), millis, nanos));
            String cmd = p.getCommandLine();
            long ppid = p.getParentProcessID();
            boolean kernel = (cmd == null || cmd.isBlank()) && (pid == 2 || ppid == 2);
            String command = cmd == null || cmd.isBlank() ? p.getName() : cmd.replace('\0', ' ').strip();
            rows.add(new ProcessRow(pid, ppid, uid(p.getUserID()), p.getUser(), state, p.getThreadCount(), cpu,
                    p.getResidentSetSize(), command, kernel));
        }
        seen = now;
        return new ProcessTable(rows, System.nanoTime() - t0, null);
    }

    @Override
    public void close() {
        seen = new HashMap<>();
    }

    /** The kernel's letter for OSHI's state; 0 for a process that is no longer there. */
    static char state(OSProcess.State s) {
        return switch (s) {
            case RUNNING -> 'R';
            case SLEEPING -> 'S';
            case WAITING -> 'D';
            case ZOMBIE -> 'Z';
            case STOPPED, SUSPENDED -> 'T';
            case NEW -> 'N';
            case INVALID -> 0;
            default -> '?';
        };
    }

    private static int uid(String id) {
        try {
            return Integer.parseInt(id);
        } catch (RuntimeException e) {
            return -1; // Windows: a SID, no number
        }
    }
}
