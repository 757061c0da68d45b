package org.threadlab.sample;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cost of one reading of every process against htop's refresh, in the same window: run with
 * {@code java -cp target/classes:target/test-classes org.threadlab.sample.ProcListCost SECONDS HTOP_PID}.
 * Reads the table once a second (as the view at the default interval) and prints this thread's CPU
 * per reading, and htop's CPU per second (its refresh at -d 10) from its stat over the same seconds.
 */
public final class ProcListCost {
    private ProcListCost() {}

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        long htop = Long.parseLong(args[1]);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ProcLister l = ProcLister.system();
        for (int i = 0; i < 50; i++) {
            l.read(); // warm: the JIT, the first sight of every process (cmdline, status)
        }
        long hz = SystemConstants.HZ;
        long h0 = ticks(htop);
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        int rows = 0;
        for (int i = 0; i < seconds; i++) {
            rows = l.read().rows().size();
            Thread.sleep(1000);
        }
        long cpu = mx.getCurrentThreadCpuTime() - c0;
        long wall = System.nanoTime() - t0;
        long h = ticks(htop) - h0;
        double ours = cpu / 1e6 / seconds;
        double theirs = h * 1000.0 / hz / (wall / 1e9);
        System.out.printf("processes %d  threadlab read %.2f ms a tick  htop %.2f ms a second (refresh)  ratio %.2f%n",
                rows, ours, theirs, ours / theirs);
    }

    private static long ticks(long pid) throws Exception {
        String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
