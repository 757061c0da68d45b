package org.threadlab.sample;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.threadlab.lab.SamplerBench;

/**
 * What one sampler tick costs through each source, the same tick in the same run (a harness, not a test):
 * a /proc sampler and an OSHI sampler watch the same target with N sleeping threads, ticking in turn
 * after the same pause; each tick is charged the CPU of this whole JVM over it (schedstat of all its
 * tasks: OSHI reads threads on the common fork-join pool), and, apart, each source's host read on the
 * thread's own clock. Usage: SourceCosts N TICKS DELAY_MS.
 */
public final class SourceCosts {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int ticks = Integer.parseInt(args[1]);
        long delay = Long.parseLong(args[2]);
        Process target = new ProcessBuilder(SamplerBench.targetCommand(n)).redirectErrorStream(true).start();
        try (Sampler proc = new Sampler(Platform.of(DataSource.PROC), Sampler.MIN_INTERVAL);
             Sampler oshi = new Sampler(Platform.of(DataSource.OSHI), Sampler.MIN_INTERVAL)) {
            new BufferedReader(new InputStreamReader(target.getInputStream())).readLine();
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            TaskClock clock = TaskClock.system();
            long self = ProcessHandle.current().pid();
            for (Sampler s : List.of(proc, oshi)) {
                s.watch(WatchList.pids(List.of(target.pid())));
            }
            HostReading.Source procHost = Platform.of(DataSource.PROC).readers().host();
            HostReading.Source oshiHost = Platform.of(DataSource.OSHI).readers().host();
            ProcFiles files = new ProcFiles();
            oshi.hardware.GlobalMemory memory = new oshi.SystemInfo().getHardware().getMemory();
            long[][] mem = new long[2][ticks];
            long[][] tick = new long[2][ticks];
            long[][] host = new long[2][ticks];
            int threads = -1;
            for (int i = -10; i < ticks; i++) {
                for (int k = 0; k < 2; k++) {
                    Sampler s = k == 0 ? proc : oshi;
                    Thread.sleep(delay);
                    long c0 = clock.cpuNanos(self);
                    Measurement m = s.sampleNow();
                    long c1 = clock.cpuNanos(self);
                    Thread.sleep(delay);
                    long h0 = mx.getCurrentThreadCpuTime();
                    (k == 0 ? procHost : oshiHost).read();
                    long h1 = mx.getCurrentThreadCpuTime();
                    Thread.sleep(delay);
                    long m0 = mx.getCurrentThreadCpuTime();
                    if (k == 0) {
                        // as ProcHost reads it: the four fields of one meminfo read
                        files.read(Platform.PROC + "/meminfo");
                        long sum = files.field("MemTotal:") + files.field("MemAvailable:") + files.field("SwapTotal:") + files.field("SwapFree:");
                    } else {
                        long sum = memory.getTotal() + memory.getAvailable() + memory.getVirtualMemory().getSwapTotal()
                                + memory.getVirtualMemory().getSwapUsed();
                    }
                    long m1 = mx.getCurrentThreadCpuTime();
                    if (i >= 0) {
                        mem[k][i] = m1 - m0;
                        tick[k][i] = c1 - c0;
                        host[k][i] = h1 - h0;
                        threads = m.process(target.pid()).map(p -> p.threads().size()).orElse(-1);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "target %d threads (%d read), %d ticks each, %d ms apart%n", n, threads, ticks, delay);
            System.out.printf(Locale.ROOT, "tick (whole JVM)  proc median %.3f ms mean %.3f | oshi median %.3f ms mean %.3f | oshi/proc %.2fx (median)%n",
                    median(tick[0]), mean(tick[0]), median(tick[1]), mean(tick[1]), median(tick[1]) / median(tick[0]));
            System.out.printf(Locale.ROOT, "host read alone   proc median %.3f ms | oshi median %.3f ms | oshi/proc %.2fx%n",
                    median(host[0]), median(host[1]), median(host[1]) / median(host[0]));
            System.out.printf(Locale.ROOT, "memory alone      proc median %.3f ms | oshi median %.3f ms | oshi/proc %.2fx%n",
                    median(mem[0]), median(mem[1]), median(mem[1]) / median(mem[0]));
        } finally {
            target.destroyForcibly().waitFor();
        }
    }

    private static double median(long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    private static double mean(long[] ns) {
        return Arrays.stream(ns).average().orElse(Double.NaN) / 1e6;
    }
}
