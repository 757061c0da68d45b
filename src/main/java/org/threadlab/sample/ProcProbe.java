package org.threadlab.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One process from /proc. Per tick: its {@code stat}, its {@code task} directory, and one {@code stat}
 * per thread (name, state, ticks, last core, priority, nice). Context switches are only in the bigger
 * {@code status} file, so that is read for at most {@link #STATUS_PER_TICK} threads per tick, round
 * robin: a process with more threads has them refreshed every few ticks, and -1 until first read.
 */
final class ProcProbe implements ProcessProbe {
    static final int STATUS_PER_TICK = 64;

    private final long pid;
    private final ProcFiles files;
    private final String dir;
    private final Map<Long, Task> tasks = new HashMap<>();
    private long startTicks = -1;
    private Instant startTime;
    private String lastName = "?";
    private long prevTicks = -1;
    private long prevNanos;
    private int statusCursor;

    /** What is kept per thread between ticks. */
    private static final class Task {
        byte[] nameBytes = new byte[0];
        String name = "";
        long ticks;
        long voluntary = -1;
        long involuntary = -1;
        boolean seen;
    }

    ProcProbe(long pid, ProcFiles files) {
        this.pid = pid;
        this.files = files;
        this.dir = "/proc/" + pid;
    }

    @Override
    public ProcessSample sample(String role, JavaView java) {
        long now = System.nanoTime();
        if (!files.read(dir + "/stat")) {
            return failed(role, Files.isDirectory(Path.of(dir)) ? "cannot read " + dir + "/stat" : "no process " + pid);
        }
        TaskStat st = TaskStat.parse(files.buffer(), files.length());
        if (st == null) {
            return failed(role, "unreadable " + dir + "/stat");
        }
        if (st.startTime() != startTicks) {
            // first sight, or the PID was reused by another process: start from scratch
            startTicks = st.startTime();
            startTime = SystemConstants.BOOT_EPOCH_SECONDS < 0 ? null : Instant.ofEpochMilli(
                    SystemConstants.BOOT_EPOCH_SECONDS * 1000 + startTicks * 1000 / SystemConstants.HZ);
            prevTicks = -1;
            tasks.clear();
        }
        lastName = st.name(files.buffer());
        double seconds = prevTicks < 0 ? Double.NaN : (now - prevNanos) / 1e9;
        double cpu = percent(st.ticks() - prevTicks, seconds);
        boolean firstSight = prevTicks < 0;
        prevTicks = st.ticks();
        prevNanos = now;

        List<ThreadSample> threads = readThreads(java, seconds, firstSight);
        return new ProcessSample(pid, st.ppid(), lastName, String.valueOf(st.state()), cpu, ticks(st.utime()),
                ticks(st.stime()), st.rssPages() * SystemConstants.PAGE_SIZE, st.vsize(), st.numThreads(), startTime,
                role, threads, null);
    }

    private List<ThreadSample> readThreads(JavaView java, double seconds, boolean firstSight) {
        String[] names = ProcFiles.list(dir + "/task");
        long[] tids = new long[names.length];
        int n = 0;
        for (String s : names) {
            try {
                tids[n++] = Long.parseLong(s);
            } catch (NumberFormatException e) {
                n--;
            }
        }
        tids = Arrays.copyOf(tids, n);
        Arrays.sort(tids);
        for (Task t : tasks.values()) {
            t.seen = false;
        }
        long[] kept = new long[n];
        TaskStat[] stats = new TaskStat[n];
        double[] cpu = new double[n];
        int k = 0;
        Map<String, Integer> nameCount = java != null ? new HashMap<>() : null;
        for (int i = 0; i < n; i++) {
            long tid = tids[i];
            if (!files.read(dir + "/task/" + tid + "/stat")) {
                continue; // the thread ended after the listing
            }
            TaskStat st = TaskStat.parse(files.buffer(), files.length());
            if (st == null) {
                continue;
            }
            Task t = tasks.get(tid);
            boolean known = t != null;
            if (!known) {
                t = new Task();
                tasks.put(tid, t);
            }
            t.seen = true;
            updateName(t, st);
            // a thread born since the last tick spent all its ticks inside this window
            cpu[k] = firstSight ? Double.NaN : percent(st.ticks() - (known ? t.ticks : 0), seconds);
            t.ticks = st.ticks();
            kept[k] = tid;
            stats[k] = st;
            k++;
            if (nameCount != null) {
                nameCount.merge(t.name, 1, Integer::sum);
            }
        }
        tasks.values().removeIf(t -> !t.seen);
        readSwitches(kept, k);
        List<ThreadSample> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            Task t = tasks.get(kept[i]);
            TaskStat st = stats[i];
            JavaThreadSample j = java == null ? null : java.forTask(kept[i], t.name, nameCount.get(t.name) == 1);
            out.add(new ThreadSample(kept[i], t.name, String.valueOf(st.state()), cpu[i], st.processor(), st.priority(),
                    st.nice(), t.voluntary, t.involuntary, j));
        }
        return out;
    }

    /** Thread names change rarely: keep the String while the kernel's bytes stay the same. */
    private void updateName(Task t, TaskStat st) {
        byte[] b = files.buffer();
        int len = st.nameEnd() - st.nameStart();
        if (!Arrays.equals(b, st.nameStart(), st.nameEnd(), t.nameBytes, 0, t.nameBytes.length)) {
            t.nameBytes = Arrays.copyOfRange(b, st.nameStart(), st.nameStart() + len);
            t.name = st.name(b);
        }
    }

    private void readSwitches(long[] tids, int n) {
        if (n == 0) {
            return;
        }
        int count = Math.min(n, STATUS_PER_TICK);
        int from = n <= STATUS_PER_TICK ? 0 : statusCursor % n;
        for (int i = 0; i < count; i++) {
            long tid = tids[(from + i) % n];
            if (files.read(dir + "/task/" + tid + "/status")) {
                Task t = tasks.get(tid);
                t.voluntary = files.field("voluntary_ctxt_switches:");
                t.involuntary = files.field("nonvoluntary_ctxt_switches:");
            }
        }
        statusCursor = from + count;
    }

    private ProcessSample failed(String role, String error) {
        prevTicks = -1;
        tasks.clear();
        Duration unknown = Duration.ofSeconds(-1);
        return new ProcessSample(pid, -1, lastName, "?", Double.NaN, unknown, unknown, -1, -1, -1, startTime, role,
                List.of(), error);
    }

    private static Duration ticks(long t) {
        return Duration.ofMillis(t * 1000 / SystemConstants.HZ);
    }

    /** Ticks over a window as percent of one core. */
    static double percent(long ticks, double seconds) {
        if (!(seconds > 0)) {
            return Double.NaN;
        }
        return Math.max(0, ticks) * 100.0 / SystemConstants.HZ / seconds;
    }
}
