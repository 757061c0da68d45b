package org.threadlab.sample;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import org.threadlab.lab.SamplerBench;

/**
 * Where a tick's CPU goes, part by part (a harness, not a test): the host, threadlab's own JVM (its
 * Java view, its /proc threads) and a target with N sleeping threads, each timed with the thread's
 * CPU clock, after the same pause as the real cadence. Usage: TickParts N TICKS DELAY_MS.
 */
public final class TickParts {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int ticks = Integer.parseInt(args[1]);
        long delay = Long.parseLong(args[2]);
        Process target = new ProcessBuilder(SamplerBench.targetCommand(n)).redirectErrorStream(true).start();
        try {
            new BufferedReader(new InputStreamReader(target.getInputStream())).readLine();
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            Platform.Readers readers = Platform.system().readers();
            HostTracker host = new HostTracker(readers.host());
            long self = ProcessHandle.current().pid();
            ProcessProbe selfProbe = readers.probes().apply(self);
            ProcessProbe targetProbe = readers.probes().apply(target.pid());
            double[] sum = new double[5];
            int measured = 0;
            for (int i = -5; i < ticks; i++) {
                Thread.sleep(delay);
                long c0 = mx.getCurrentThreadCpuTime();
                JavaView java = new JavaView(Map.of());
                long c1 = mx.getCurrentThreadCpuTime();
                host.sample();
                long c2 = mx.getCurrentThreadCpuTime();
                selfProbe.sample("self", java);
                long c3 = mx.getCurrentThreadCpuTime();
                targetProbe.sample("external", null);
                long c4 = mx.getCurrentThreadCpuTime();
                if (i >= 0) {
                    sum[0] += c1 - c0;
                    sum[1] += c2 - c1;
                    sum[2] += c3 - c2;
                    sum[3] += c4 - c3;
                    sum[4] += c4 - c0;
                    measured++;
                }
            }
            String[] names = {"java view", "host", "self /proc", "target /proc", "all"};
            for (int k = 0; k < names.length; k++) {
                System.out.printf("%-13s %8.3f ms%n", names[k], sum[k] / measured / 1e6);
            }
            readers.close().run();
        } finally {
            target.getOutputStream().close();
            target.destroyForcibly().waitFor();
        }
    }
}
