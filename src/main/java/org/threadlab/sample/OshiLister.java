package org.threadlab.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.threadlab.text.Reasons;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Every process through OSHI's {@code getProcesses()}: the all-processes view's rows where there is no
 * /proc, or with {@code --source oshi}. PID, PPID, user (OSHI's name for it; its numeric id where that
 * is a number), the kernel's state letter, threads, CPU% from OSHI's user + kernel milliseconds over the
 * time since the previous call, RSS, and the command line (the name where it has none, as htop shows a
 * kernel thread or a zombie). OSHI has no kernel-thread flag: on Linux a child of kthreadd (PID 2) is one.
 *
 * <p>User names are asked of OSHI once per user id and kept: OSHI 6.12's {@code OSProcess.getUser()} on
 * Linux runs {@code getent passwd UID} as a child process at every call, even for a user in /etc/passwd
 * ({@code UserGroupInfo.getUser} passes it as {@code getOrDefault}'s default, which Java works out first):
 * asked per process, a read of 130 processes cost 110-120 ms of CPU.
 */
final class OshiLister implements ProcessLister {
    private final OperatingSystem os;
    private final LongSupplier clock;
    private final boolean linux;
    /** Per PID at the previous call: its start time (a reused PID differs) and CPU milliseconds. */
    private Map<Integer, long[]> previous = new HashMap<>();
    private long prevNanos;
    /** User names by OSHI's user id, asked once each (see above). */
    private final Map<String, String> users = new HashMap<>();

    OshiLister(OperatingSystem os) {
        this(os, System::nanoTime);
    }

    OshiLister(OperatingSystem os, LongSupplier clock) {
        this.os = os;
        this.clock = clock;
        this.linux = oshi.SystemInfo.getCurrentPlatform() == oshi.PlatformEnum.LINUX;
    }

    @Override
    public synchronized ProcessTable read() {
        long t0 = System.nanoTime();
        try {
            List<OSProcess> all = os.getProcesses();
            long now = clock.getAsLong();
            long window = prevNanos == 0 ? 0 : now - prevNanos;
            Map<Integer, long[]> seen = new HashMap<>(all.size() * 2);
            List<ProcessRow> rows = new ArrayList<>(all.size());
            for (OSProcess p : all) {
                if (p.getState() == OSProcess.State.INVALID) {
                    continue; // vanished while read
                }
                long cpuMillis = p.getUserTime() + p.getKernelTime();
                long[] before = previous.get(p.getProcessID());
                double cpu = before == null || before[0] != p.getStartTime() || window <= 0 ? Double.NaN
                        : OshiProbe.percent(cpuMillis - before[1], window);
                seen.put(p.getProcessID(), new long[] {p.getStartTime(), cpuMillis});
                boolean kernel = linux && (p.getProcessID() == 2 || p.getParentProcessID() == 2);
                String command = kernel ? "" : p.getCommandLine();
                if (command == null || command.isBlank()) {
                    command = p.getName();
                }
                rows.add(new ProcessRow(p.getProcessID(), p.getParentProcessID(), uid(p.getUserID()),
                        users.computeIfAbsent(String.valueOf(p.getUserID()), id -> p.getUser()),
                        OshiProbe.letter(p.getState()).charAt(0), p.getThreadCount(), cpu, p.getResidentMemory(),
                        command.strip(), kernel));
            }
            previous = seen;
            prevNanos = now;
            return new ProcessTable(rows, System.nanoTime() - t0, null);
        } catch (RuntimeException | LinkageError e) {
            return ProcessTable.failed(Reasons.of(e));
        }
    }

    /** The numeric user id, or -1 where OSHI's is no number (a Windows SID). */
    static int uid(String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException | NullPointerException e) {
            return -1;
        }
    }

    @Override
    public synchronized void close() {
        previous = new HashMap<>();
        prevNanos = 0;
    }
}
