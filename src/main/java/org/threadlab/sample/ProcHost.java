package org.threadlab.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The host from /proc: stat (ticks), meminfo, loadavg, uptime; four small files per tick, kept open
 * and read again from their start, and parsed from the bytes (no strings, no regular expressions).
 */
final class ProcHost implements HostReading.Source {
    private final ProcFiles files;
    private final String root;
    private final String hostName;
    private ProcFiles.Kept stat;
    private ProcFiles.Kept meminfo;
    private ProcFiles.Kept loadavg;
    private ProcFiles.Kept uptimeFile;
    /** Whether the last {@link #readKept} read its file. */
    private boolean lastRead;

    /** @param root where /proc is ({@link Platform#PROC}, or a fixture directory) */
    ProcHost(ProcFiles files, String root) {
        this.files = files;
        this.root = root;
        this.hostName = files.read(root + "/sys/kernel/hostname") ? files.text().trim() : "localhost";
    }

    @Override
    public HostReading read() {
        List<long[]> cores = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        long[] total = new long[8];
        stat = readKept(stat, "/stat");
        if (lastRead) {
            total = cpuLines(files.buffer(), files.length(), ids, cores, total);
        }
        long memTotal = -1;
        long memUsed = -1;
        long swapTotal = -1;
        long swapUsed = -1;
        meminfo = readKept(meminfo, "/meminfo");
        if (lastRead) {
            memTotal = kib(files.field("MemTotal:"));
            long available = kib(files.field("MemAvailable:"));
            memUsed = memTotal >= 0 && available >= 0 ? memTotal - available : -1;
            swapTotal = kib(files.field("SwapTotal:"));
            long swapFree = kib(files.field("SwapFree:"));
            swapUsed = swapTotal >= 0 && swapFree >= 0 ? swapTotal - swapFree : -1;
        }
        double[] load = {-1, -1, -1};
        loadavg = readKept(loadavg, "/loadavg");
        if (lastRead) {
            int at = 0;
            for (int i = 0; i < 3; i++) {
                at = skipSpaces(at);
                int end = tokenEnd(at);
                if (end > at) {
                    load[i] = decimal(at, end);
                }
                at = end;
            }
        }
        Duration uptime = Duration.ZERO;
        uptimeFile = readKept(uptimeFile, "/uptime");
        if (lastRead) {
            int at = skipSpaces(0);
            int end = tokenEnd(at);
            if (end > at) {
                uptime = Duration.ofMillis(Math.round(decimal(at, end) * 1000));
            }
        }
        int[] coreIds = ids.stream().mapToInt(Integer::intValue).toArray();
        return new HostReading(coreIds, cores.toArray(new long[0][]), total, true, memUsed, memTotal, swapUsed,
                swapTotal, load, uptime, hostName);
    }

    /**
     * The cpu lines of /proc/stat ({@code b}, {@code len} bytes): each core's ticks into {@code ids} and
     * {@code cores}; returns the total line's ({@code total} without one). A method of its own: read runs
     * once a tick, and these loops' back edges made C2 compile all of read on-stack-replaced, again from
     * each loop, five to eight minutes after start (about 1 s of a compiler thread each time, 4-5 s in all
     * on an idle screen; docs/PERFORMANCE.md, "UI's own CPU").
     */
    private static long[] cpuLines(byte[] b, int len, List<Integer> ids, List<long[]> cores, long[] total) {
        // the cpu lines come first; the rest (the long "intr" line above all) is not needed
        for (int at = 0; at + 3 <= len && b[at] == 'c' && b[at + 1] == 'p' && b[at + 2] == 'u'; ) {
            int i = at + 3;
            int id = -1;
            if (i < len && b[i] >= '0' && b[i] <= '9') {
                id = 0;
                while (i < len && b[i] >= '0' && b[i] <= '9') {
                    id = id * 10 + (b[i++] - '0');
                }
            }
            long[] t = new long[8];
            for (int k = 0; k < 8; k++) {
                while (i < len && b[i] == ' ') {
                    i++;
                }
                long v = 0;
                while (i < len && b[i] >= '0' && b[i] <= '9') {
                    v = v * 10 + (b[i++] - '0');
                }
                t[k] = v;
            }
            if (id < 0) {
                total = t;
            } else {
                ids.add(id);
                cores.add(t);
            }
            while (i < len && b[i] != '\n') {
                i++;
            }
            at = i + 1;
        }
        return total;
    }

    /** Reads a host file through the file kept open for it (opened again if that fails), else by path. */
    private ProcFiles.Kept readKept(ProcFiles.Kept k, String name) {
        if (k != null) {
            lastRead = files.read(k);
            if (lastRead) {
                return k;
            }
            files.release(k);
        }
        ProcFiles.Kept f = files.keep(root + name);
        lastRead = f != null ? files.read(f) : files.read(root + name);
        return f;
    }

    private int skipSpaces(int i) {
        byte[] b = files.buffer();
        while (i < files.length() && (b[i] == ' ' || b[i] == '\n')) {
            i++;
        }
        return i;
    }

    private int tokenEnd(int i) {
        byte[] b = files.buffer();
        while (i < files.length() && b[i] != ' ' && b[i] != '\n') {
            i++;
        }
        return i;
    }

    /** The number in the buffer from {@code at} to {@code end}: "0.50", "12345.67" (as Double.parseDouble would). */
    private double decimal(int at, int end) {
        byte[] b = files.buffer();
        long digits = 0;
        int scale = -1;
        for (int i = at; i < end; i++) {
            if (b[i] == '.' && scale < 0) {
                scale = 0;
            } else if (b[i] >= '0' && b[i] <= '9') {
                digits = digits * 10 + (b[i] - '0');
                if (scale >= 0) {
                    scale++;
                }
            } else {
                return Double.parseDouble(new String(b, at, end - at, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return scale <= 0 ? digits : digits / Math.pow(10, scale);
    }

    private static long kib(long v) {
        return v < 0 ? -1 : v * 1024;
    }
}
