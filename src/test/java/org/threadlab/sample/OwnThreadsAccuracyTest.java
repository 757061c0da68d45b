package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * threadlab's own threads, most left unread on their Java clocks, against the kernel over the same
 * windows: a thread that wakes between two ticks shows what it ran, the sleepers 0 % and asleep.
 */
class OwnThreadsAccuracyTest {
    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void aThreadThatWakesBetweenTicksShowsWhatTheKernelCountedAndTheSleepersStayAsleep() throws Exception {
        Assumptions.assumeTrue(Kernel.LINUX, "compares against /proc");
        Assumptions.assumeTrue(JavaView.clocksAvailable(), "this JVM has no thread CPU clocks");
        CountDownLatch never = new CountDownLatch(1);
        List<Long> sleepers = new ArrayList<>();
        Semaphore wake = new Semaphore(0);
        Semaphore done = new Semaphore(0);
        long[] wakerTid = {-1};
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long[] tid = {-1};
            CountDownLatch known = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                tid[0] = org.threadlab.worker.NativeThreadId.current();
                known.countDown();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "own-sleeper-" + i);
            t.setDaemon(true);
            t.start();
            known.await();
            sleepers.add(tid[0]);
            started.add(t);
        }
        CountDownLatch wakerKnown = new CountDownLatch(1);
        Thread waker = new Thread(() -> {
            wakerTid[0] = org.threadlab.worker.NativeThreadId.current();
            wakerKnown.countDown();
            var mx = ManagementFactory.getThreadMXBean();
            try {
                while (true) {
                    wake.acquire();
                    long until = mx.getCurrentThreadCpuTime() + 60_000_000L;
                    while (mx.getCurrentThreadCpuTime() < until) {
                        Thread.onSpinWait();
                    }
                    done.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "own-waker");
        waker.setDaemon(true);
        waker.start();
        wakerKnown.await();
        try (Sampler sampler = new Sampler(Duration.ofSeconds(1))) {
            for (int i = 0; i < 3; i++) {
                sampler.sampleNow();
                Thread.sleep(100);
            }
            for (int round = 0; round < 3; round++) {
                sampler.sampleNow();
                long k0 = Kernel.threadCpuNanos(SELF, wakerTid[0]);
                long t0 = System.nanoTime();
                wake.release();
                assertTrue(done.tryAcquire(30, java.util.concurrent.TimeUnit.SECONDS), "the waker ran");
                Thread.sleep(50);
                Measurement m = sampler.sampleNow();
                double kernel = (Kernel.threadCpuNanos(SELF, wakerTid[0]) - k0) * 100.0 / (System.nanoTime() - t0);
                ProcessSample self = m.process(SELF).orElseThrow();
                ThreadSample w = SamplerAccuracyTest.thread(self, wakerTid[0]);
                assertTrue(w.cpuPercent() > 5, "the woken thread shows as having run: " + w.cpuPercent());
                assertEquals(kernel, w.cpuPercent(), 10, "the woken thread against its schedstat, round " + round);
                for (long tid : sleepers) {
                    ThreadSample s = SamplerAccuracyTest.thread(self, tid);
                    assertEquals(0.0, s.cpuPercent(), 0.0, "a sleeper " + tid);
                    assertEquals("S", s.state(), "a sleeper " + tid);
                }
            }
        } finally {
            never.countDown();
            waker.interrupt();
        }
    }
}
