package org.threadlab.sample;

import java.time.Duration;
import java.util.Arrays;

/**
 * The host from /proc: stat (ticks), meminfo, loadavg (and the threads runnable now), uptime; four
 * small files per tick, kept open and read again from their start, and parsed from the bytes (no
 * strings, no regular expressions).
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
    /** How many cores the last read found (the arrays of the next are made that size). */
    private int lastCores;

    /** @param root where /proc is ({@link Platform#PROC}, or a fixture directory) */
    ProcHost(ProcFiles files, String root) {
        this.files = files;
        this.root = root;
        this.hostName = files.read(root + "/sys/kernel/hostname") ? files.text().trim() : "localhost";
    }

    @Override
    public HostReading read() {
        // sized by the last read (the number of cores rarely changes): no lists, no boxing, no stream
        int[] ids = new int[Math.max(1, lastCores)];
        long[][] cores = new long[ids.length][];
        int count = 0;
        long[] total = new long[8];
        stat = readKept(stat, "/stat");
        if (lastRead) {
            byte[] b = files.buffer();
            int len = files.length();
            // the cpu lines come first; the rest (the long "intr" line above all) is not needed. The loops
            // over a line's characters are methods of their own: read runs once a tick, and their back
            // edges made C2 compile all of read on-stack-replaced, again from each loop, five to eight
            // minutes after start (about 1 s of a compiler thread each time; docs/PERFORMANCE.md, "UI's own CPU")
            for (int at = 0; at + 3 <= len && b[at] == 'c' && b[at + 1] == 'p' && b[at + 2] == 'u'; ) {
                int id = coreId(b, at + 3, len);
                long[] t = new long[8];
                int i = ticks(b, id < 0 ? at + 3 : digitsEnd(b, at + 3, len), len, t);
                if (id < 0) {
                    total = t;
                } else {
                    if (count == ids.length) {
                        ids = Arrays.copyOf(ids, count * 2);
                        cores = Arrays.copyOf(cores, count * 2);
                    }
                    ids[count] = id;
                    cores[count++] = t;
                }
                at = lineEnd(b, i, len) + 1;
            }
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
        int runnable = -1;
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
            runnable = runnable(skipSpaces(at)); // "2/345": runnable now, of every thread
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
        lastCores = count;
        return new HostReading(count == ids.length ? ids : Arrays.copyOf(ids, count),
                count == cores.length ? cores : Arrays.copyOf(cores, count), total, true, memUsed, memTotal, swapUsed,
                swapTotal, load, uptime, hostName, runnable);
    }

    /** The number before the '/' at {@code at} (loadavg's "running/threads"), -1 when there is none. */
    private int runnable(int at) {
        byte[] b = files.buffer();
        int n = 0;
        int i = at;
        while (i < files.length() && b[i] >= '0' && b[i] <= '9' && i - at < 9) {
            n = n * 10 + (b[i++] - '0');
        }
        return i > at && i < files.length() && b[i] == '/' ? n : -1;
    }

    /** The core number right after "cpu" at {@code i} ("cpu3" -> 3); -1 for the total line ("cpu "). */
    private static int coreId(byte[] b, int i, int len) {
        if (i >= len || b[i] < '0' || b[i] > '9') {
            return -1;
        }
        int id = 0;
        while (i < len && b[i] >= '0' && b[i] <= '9') {
            id = id * 10 + (b[i++] - '0');
        }
        return id;
    }

    /** Where the digits from {@code i} end. */
    private static int digitsEnd(byte[] b, int i, int len) {
        while (i < len && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i;
    }

    /** The line's eight tick counts from {@code i} into {@code t}; returns where they end. */
    private static int ticks(byte[] b, int i, int len, long[] t) {
        for (int k = 0; k < t.length; k++) {
            while (i < len && b[i] == ' ') {
                i++;
            }
            long v = 0;
            while (i < len && b[i] >= '0' && b[i] <= '9') {
                v = v * 10 + (b[i++] - '0');
            }
            t[k] = v;
        }
        return i;
    }

    /** The index of the newline that ends the line at {@code i} ({@code len} when there is none). */
    private static int lineEnd(byte[] b, int i, int len) {
        while (i < len && b[i] != '\n') {
            i++;
        }
        return i;
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
