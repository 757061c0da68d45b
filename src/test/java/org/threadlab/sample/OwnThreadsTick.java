package org.threadlab.sample;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Harness (issue 13, 10,000 thread workers): what one sampler tick costs when threadlab's OWN JVM has N
 * extra sleeping threads, CPU and wall per {@code sampleNow}, and the parts (the Java view, the /proc side).
 * Usage: OwnThreadsTick N TICKS DELAY_MS.
 */
public final class OwnThreadsTick {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int ticks = Integer.parseInt(args[1]);
        long delay = Long.parseLong(args[2]);
        CountDownLatch never = new CountDownLatch(1);
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(null, () -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "sleeper-" + i, 64 * 1024);
            t.setDaemon(true);
            t.start();
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double cpu = 0;
        double wall = 0;
        double maxWall = 0;
        double javaView = 0;
        int threads = -1;
        try (Sampler s = new Sampler(Duration.ofMillis(Math.max(100, delay)))) {
            for (int i = -3; i < ticks; i++) {
                Thread.sleep(delay);
                long c0 = mx.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                Measurement m = s.sampleNow();
                long w1 = System.nanoTime();
                long c1 = mx.getCurrentThreadCpuTime();
                new JavaView(java.util.Map.of());
                long c2 = mx.getCurrentThreadCpuTime();
                if (i >= 0) {
                    System.out.printf("tick %d: cpu %.1f ms, wall %.1f ms%n", i, (c1 - c0) / 1e6, (w1 - w0) / 1e6);
                    cpu += c1 - c0;
                    wall += w1 - w0;
                    maxWall = Math.max(maxWall, (w1 - w0) / 1e6);
                    javaView += c2 - c1;
                    threads = m.processes().get(0).threads().size();
                    if (m.error() != null) {
                        throw new IllegalStateException(m.error());
                    }
                }
            }
        }
        System.out.printf("own JVM, %d threads seen: tick cpu %.1f ms, wall %.1f ms (max %.1f) per tick; of which the Java view alone %.1f ms cpu%n",
                threads, cpu / ticks / 1e6, wall / ticks / 1e6, maxWall, javaView / ticks / 1e6);
        never.countDown();
    }
}
