package org.threadlab.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The host from /proc: stat (ticks), meminfo, loadavg, uptime; four small files per tick. */
final class ProcHost implements HostReading.Source {
    private final ProcFiles files;
    private final String root;
    private final String hostName;

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
        if (files.read(root + "/stat")) {
            String text = files.text();
            // the cpu lines come first; the rest (the long "intr" line above all) is not needed
            for (int at = 0, end; at < text.length() && text.startsWith("cpu", at); at = end + 1) {
                end = text.indexOf('\n', at);
                end = end < 0 ? text.length() : end;
                String line = text.substring(at, end);
                String[] f = line.trim().split("\\s+");
                long[] t = new long[8];
                for (int i = 0; i < 8 && i + 1 < f.length; i++) {
                    t[i] = Long.parseLong(f[i + 1]);
                }
                if (f[0].equals("cpu")) {
                    total = t;
                } else {
                    ids.add(Integer.parseInt(f[0].substring(3)));
                    cores.add(t);
                }
            }
        }
        long memTotal = -1;
        long memUsed = -1;
        long swapTotal = -1;
        long swapUsed = -1;
        if (files.read(root + "/meminfo")) {
            memTotal = kib(files.field("MemTotal:"));
            long available = kib(files.field("MemAvailable:"));
            memUsed = memTotal >= 0 && available >= 0 ? memTotal - available : -1;
            swapTotal = kib(files.field("SwapTotal:"));
            long swapFree = kib(files.field("SwapFree:"));
            swapUsed = swapTotal >= 0 && swapFree >= 0 ? swapTotal - swapFree : -1;
        }
        double[] load = {-1, -1, -1};
        if (files.read(root + "/loadavg")) {
            String[] f = files.text().trim().split("\\s+");
            for (int i = 0; i < 3 && i < f.length; i++) {
                load[i] = Double.parseDouble(f[i]);
            }
        }
        Duration uptime = Duration.ZERO;
        if (files.read(root + "/uptime")) {
            String first = files.text().trim().split("\\s+")[0];
            uptime = Duration.ofMillis(Math.round(Double.parseDouble(first) * 1000));
        }
        int[] coreIds = ids.stream().mapToInt(Integer::intValue).toArray();
        return new HostReading(coreIds, cores.toArray(new long[0][]), total, true, memUsed, memTotal, swapUsed,
                swapTotal, load, uptime, hostName);
    }

    private static long kib(long v) {
        return v < 0 ? -1 : v * 1024;
    }
}
