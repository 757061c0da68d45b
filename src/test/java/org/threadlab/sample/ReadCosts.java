package org.threadlab.sample;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

/** Harness: the cold (after a pause) CPU cost of single reads, to see the floor of a tick. */
public final class ReadCosts {
    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean sun = (com.sun.management.ThreadMXBean) mx;
        ProcFiles f = new ProcFiles(64);
        long self = ProcessHandle.current().pid();
        String other = ProcFiles.list("/proc/" + self + "/task")[3];
        String[] paths = {"/proc/" + self + "/task/" + other + "/stat", "/proc/" + self + "/task/" + other + "/schedstat", "/proc/" + self + "/task/" + other + "/wchan","/proc/stat", "/proc/meminfo", "/proc/loadavg", "/proc/uptime",
                "/proc/" + self + "/task/" + self + "/stat", "/proc/" + self + "/task/" + self + "/schedstat",
                "/proc/" + self + "/task/" + self + "/status", "/proc/" + self + "/task/" + self + "/wchan", "/proc/" + self + "/stat", "/proc/" + self + "/statm"};
        ProcFiles.Kept[] kept = new ProcFiles.Kept[paths.length];
        for (int i = 0; i < paths.length; i++) {
            kept[i] = f.keep(paths[i]);
        }
        int n = 40;
        double[] sum = new double[paths.length + 4];
        long[] ids = mx.getAllThreadIds();
        for (int r = -5; r < n; r++) {
            Thread.sleep(200);
            for (int i = 0; i < paths.length; i++) {
                long c0 = mx.getCurrentThreadCpuTime();
                f.read(kept[i]);
                long c1 = mx.getCurrentThreadCpuTime();
                if (r >= 0) sum[i] += c1 - c0;
            }
            long c0 = mx.getCurrentThreadCpuTime();
            ProcFiles.list("/proc/" + self + "/task");
            long c1 = mx.getCurrentThreadCpuTime();
            new JavaView(Map.of());
            long c2 = mx.getCurrentThreadCpuTime();
            sun.getThreadCpuTime(ids);
            long c3 = mx.getCurrentThreadCpuTime();
            mx.getCurrentThreadCpuTime();
            long c4 = mx.getCurrentThreadCpuTime();
            if (r >= 0) {
                sum[paths.length] += c1 - c0;
                sum[paths.length + 1] += c2 - c1;
                sum[paths.length + 2] += c3 - c2;
                sum[paths.length + 3] += c4 - c3;
            }
        }
        for (int i = 0; i < paths.length; i++) System.out.printf("%-40s %7.1f us%n", paths[i].replace("/" + self, "/SELF"), sum[i] / n / 1e3);
        System.out.printf("%-40s %7.1f us%n", "list task/ (" + ProcFiles.list("/proc/" + self + "/task").length + ")", sum[paths.length] / n / 1e3);
        System.out.printf("%-40s %7.1f us%n", "JavaView (" + ids.length + " ids)", sum[paths.length + 1] / n / 1e3);
        System.out.printf("%-40s %7.1f us%n", "getThreadCpuTime(long[])", sum[paths.length + 2] / n / 1e3);
        System.out.printf("%-40s %7.1f us%n", "getCurrentThreadCpuTime", sum[paths.length + 3] / n / 1e3);
    }
}
