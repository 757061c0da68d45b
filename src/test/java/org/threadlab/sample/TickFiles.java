package org.threadlab.sample;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import org.threadlab.lab.SamplerBench;

/**
 * Harness (not a test): like {@link TickParts}, and for each part how many files it read, the CPU
 * those reads took (the rest is Java) and the bytes it allocated, after the same pause as the real cadence.
 * Usage: TickFiles N TICKS DELAY_MS [WARM_UP_TICKS, default 5: past 5, taken back to back to compile the code].
 */
public final class TickFiles {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.ThreadMXBean SUN = (com.sun.management.ThreadMXBean) MX;

    /** Counts reads and their CPU. */
    static final class Counting extends ProcFiles {
        long reads;
        long nanos;
        final java.util.Map<String, long[]> byKind = new java.util.TreeMap<>();
        boolean counting;

        private void count(String path, long cpu) {
            if (counting) {
                long[] c = byKind.computeIfAbsent(path.substring(path.lastIndexOf('/') + 1), k -> new long[2]);
                c[0]++;
                c[1] += cpu;
            }
        }

        @Override
        boolean read(Kept k) {
            long c0 = MX.getCurrentThreadCpuTime();
            boolean ok = super.read(k);
            long cpu = MX.getCurrentThreadCpuTime() - c0;
            nanos += cpu;
            count(k.path, cpu);
            reads++;
            return ok;
        }

        @Override
        boolean read(String path) {
            long c0 = MX.getCurrentThreadCpuTime();
            boolean ok = super.read(path);
            long cpu = MX.getCurrentThreadCpuTime() - c0;
            nanos += cpu;
            count(path, cpu);
            reads++;
            return ok;
        }
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int ticks = Integer.parseInt(args[1]);
        long delay = Long.parseLong(args[2]);
        Process target = new ProcessBuilder(SamplerBench.targetCommand(n)).redirectErrorStream(true).start();
        try {
            new BufferedReader(new InputStreamReader(target.getInputStream())).readLine();
            Counting files = new Counting();
            HostTracker host = new HostTracker(new ProcHost(files, "/proc"));
            JavaView.Memory javaMemory = new JavaView.Memory(); // kept from tick to tick, as the sampler does
            long self = ProcessHandle.current().pid();
            ProcProbe selfProbe = new ProcProbe(self, files, "/proc", System::nanoTime);
            ProcProbe targetProbe = new ProcProbe(target.pid(), files, "/proc", System::nanoTime);
            String[] names = {"java view", "host", "self /proc", "target /proc"};
            double[] cpu = new double[4];
            double[] reads = new double[4];
            double[] readNanos = new double[4];
            double[] bytes = new double[4];
            int measured = 0;
            int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 5;
            for (int i = -warmUp; i < ticks; i++) {
                Thread.sleep(i < -5 ? 0 : delay); // the JIT warm-up back to back, the last 5 and the measured after the pause
                long[] c = new long[5];
                long[] r = new long[5];
                long[] rn = new long[5];
                long[] a = new long[5];
                a[0] = SUN.getCurrentThreadAllocatedBytes();
                c[0] = MX.getCurrentThreadCpuTime();
                r[0] = files.reads;
                rn[0] = files.nanos;
                JavaView java = new JavaView(Map.of(), javaMemory);
                c[1] = MX.getCurrentThreadCpuTime();
                r[1] = files.reads;
                rn[1] = files.nanos;
                a[1] = SUN.getCurrentThreadAllocatedBytes();
                host.sample();
                c[2] = MX.getCurrentThreadCpuTime();
                r[2] = files.reads;
                rn[2] = files.nanos;
                a[2] = SUN.getCurrentThreadAllocatedBytes();
                selfProbe.sample("self", java);
                c[3] = MX.getCurrentThreadCpuTime();
                r[3] = files.reads;
                rn[3] = files.nanos;
                a[3] = SUN.getCurrentThreadAllocatedBytes();
                targetProbe.sample("external", null);
                c[4] = MX.getCurrentThreadCpuTime();
                r[4] = files.reads;
                rn[4] = files.nanos;
                a[4] = SUN.getCurrentThreadAllocatedBytes();
                files.counting = i >= -1;
                if (i >= 0) {
                    for (int k = 0; k < 4; k++) {
                        cpu[k] += c[k + 1] - c[k];
                        reads[k] += r[k + 1] - r[k];
                        readNanos[k] += rn[k + 1] - rn[k];
                        bytes[k] += a[k + 1] - a[k];
                    }
                    measured++;
                }
            }
            double all = 0;
            for (int k = 0; k < names.length; k++) {
                all += cpu[k];
                System.out.printf("%-13s %8.3f ms  %5.1f reads  %8.3f ms in them  %7.0f bytes allocated%n", names[k],
                        cpu[k] / measured / 1e6, reads[k] / measured, readNanos[k] / measured / 1e6, bytes[k] / measured);
            }
            System.out.printf("%-13s %8.3f ms (each read's figure includes about 2 us of clock reads)%n", "all",
                    all / measured / 1e6);
            int m = measured;
            files.byKind.forEach((kind, c) -> System.out.printf("  %-10s %6.1f reads a tick, %6.1f us each%n", kind,
                    (double) c[0] / m, c[1] / 1e3 / c[0]));
            selfProbe.close();
            targetProbe.close();
            files.closeAll();
        } finally {
            target.getOutputStream().close();
            target.destroyForcibly().waitFor();
        }
    }
}
