package org.threadlab.sample;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Harness: the cold cost of each ThreadMXBean call JavaView makes, with N extra parked threads. */
public final class MxCosts {
    public static void main(String[] args) throws Exception {
        int extra = Integer.parseInt(args[0]);
        for (int i = 0; i < extra; i++) {
            Thread t = new Thread(() -> { try { Thread.sleep(Long.MAX_VALUE); } catch (InterruptedException e) { } }, "x" + i);
            t.setDaemon(true);
            t.start();
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean sun = (com.sun.management.ThreadMXBean) mx;
        int n = 40;
        double[] sum = new double[5];
        long[] ids = null;
        for (int r = -5; r < n; r++) {
            Thread.sleep(200);
            long c0 = mx.getCurrentThreadCpuTime();
            ids = mx.getAllThreadIds();
            long c1 = mx.getCurrentThreadCpuTime();
            mx.getThreadInfo(ids);
            long c2 = mx.getCurrentThreadCpuTime();
            sun.getThreadAllocatedBytes(ids);
            long c3 = mx.getCurrentThreadCpuTime();
            sun.getThreadCpuTime(ids);
            long c4 = mx.getCurrentThreadCpuTime();
            mx.getThreadInfo(ids);
            long c5 = mx.getCurrentThreadCpuTime();
            if (r >= 0) { sum[0] += c1 - c0; sum[1] += c2 - c1; sum[2] += c3 - c2; sum[3] += c4 - c3; sum[4] += c5 - c4; }
        }
        String[] names = {"getAllThreadIds", "getThreadInfo(ids)", "getThreadAllocatedBytes(ids)", "getThreadCpuTime(ids)", "getThreadInfo again (warm)"};
        for (int i = 0; i < 5; i++) System.out.printf("%-30s %8.1f us (%d ids)%n", names[i], sum[i] / n / 1e3, ids.length);
    }
}
