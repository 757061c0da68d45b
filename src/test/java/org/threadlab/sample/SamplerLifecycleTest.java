package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SamplerLifecycleTest {

    @Test
    void startTakesTheFirstSampleThenTicksOnOneNamedDaemonThread() throws Exception {
        List<Measurement> seen = new CopyOnWriteArrayList<>();
        Sampler sampler = new Sampler(Duration.ofMillis(100));
        try {
            sampler.onMeasurement(seen::add);
            sampler.start();
            assertNotNull(sampler.latest());
            Thread t = samplerThread();
            assertNotNull(t, "a thread named threadlab-sampler");
            assertTrue(t.isDaemon());
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (seen.size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(seen.size() >= 4, "ticks arrive: " + seen.size());
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i).seq() > seen.get(i - 1).seq());
            }
            assertThrows(IllegalStateException.class, sampler::start);
        } finally {
            sampler.close();
        }
        assertTrue(samplerThread() == null || !samplerThread().isAlive(), "close ends the thread");
    }

    @Test
    void setIntervalRefusesBelow100msAndAppliesWhileRunning() throws Exception {
        try (Sampler sampler = new Sampler(Duration.ofSeconds(10))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> sampler.setInterval(Duration.ofMillis(50)));
            assertFalse(e.getMessage().contains("\n"));
            assertTrue(e.getMessage().contains("100ms"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> new Sampler(Duration.ofMillis(99)));
            sampler.start();
            long first = sampler.latest().seq();
            sampler.setInterval(Duration.ofMillis(100));
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (sampler.latest().seq() < first + 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(sampler.latest().seq() >= first + 3, "the 10s wait was cut short by the new interval");
            assertEquals(Duration.ofMillis(100), sampler.latest().interval());
        }
    }

    @Test
    void measurementsAreImmutable() {
        try (Sampler sampler = new Sampler(Duration.ofSeconds(1))) {
            Measurement s = sampler.sampleNow();
            assertThrows(UnsupportedOperationException.class, () -> s.processes().clear());
            assertThrows(UnsupportedOperationException.class, () -> s.javaThreads().clear());
            assertThrows(UnsupportedOperationException.class, () -> s.host().cores().clear());
            ProcessSample self = s.process(s.selfPid()).orElseThrow();
            assertThrows(UnsupportedOperationException.class, () -> self.threads().clear());
            double[] load = s.host().load();
            load[0] = -42;
            assertTrue(s.host().load()[0] != -42);
            int before = self.threads().size();
            sampler.sampleNow();
            assertEquals(before, self.threads().size(), "a later sample does not touch an earlier one");
        }
    }

    @Test
    void historyKeepsTheLast120OldestFirst() {
        Ring r = new Ring();
        for (int i = 0; i < 130; i++) {
            r.add(i);
        }
        History h = r.history();
        assertEquals(Ring.CAPACITY, h.size());
        assertEquals(10, h.get(0));
        assertEquals(129, h.last());
        h.toArray()[0] = -1;
        assertEquals(10, h.get(0));
    }

    @Test
    void statLineWithSpacesAndParenthesesInTheName() {
        String line = "4242 (a (b) c) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 30 0 0 20 -5 7 0 123456 1000000 512 "
                + "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 3 0 0 0 0 0\n";
        byte[] b = line.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        TaskStat st = TaskStat.parse(b, b.length);
        assertNotNull(st);
        assertEquals("a (b) c", st.name(b));
        assertEquals('S', st.state());
        assertEquals(1, st.ppid());
        assertEquals(280, st.ticks());
        assertEquals(20, st.priority());
        assertEquals(-5, st.nice());
        assertEquals(7, st.numThreads());
        assertEquals(123456, st.startTime());
        assertEquals(1000000, st.vsize());
        assertEquals(512, st.rssPages());
        assertEquals(3, st.processor());
        assertEquals(null, TaskStat.parse(b, 20));
    }

    private static Thread samplerThread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("threadlab-sampler"))
                .findFirst().orElse(null);
    }

    @Test
    void aFailingTickIsPublishedWithItsReasonAndTheSamplerKeepsTicking() throws Exception {
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        List<Measurement> seen = new CopyOnWriteArrayList<>();
        try (Sampler sampler = new Sampler(FixturePlatforms.failing(failure), Duration.ofMillis(100))) {
            sampler.onMeasurement(seen::add);
            sampler.start();
            assertNull(sampler.latest().error());
            HostSample good = sampler.latest().host();
            failure.set(new IllegalStateException("cannot read /proc/stat: Permission denied"));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (seen.stream().filter(Measurement::failed).count() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<Measurement> failed = seen.stream().filter(Measurement::failed).toList();
            assertTrue(failed.size() >= 3, "failed ticks are published, and the ticks go on: " + seen.size());
            assertEquals("cannot read /proc/stat: Permission denied", failed.get(0).error());
            assertTrue(failed.get(0).processes().isEmpty());
            assertEquals(good, failed.get(0).host(), "the last good host reading stays");
            failure.set(null);
            long after = sampler.latest().seq();
            while ((sampler.latest().seq() <= after || sampler.latest().failed()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(sampler.latest().failed(), "it measures again once the cause is gone");
        }
    }

    @Test
    void anOutOfMemoryErrorInATickIsPublishedAndTheSamplerKeepsTicking() throws Exception {
        // a thread's crash --how oom fills threadlab's heap: the sampler's thread must not die of it unseen
        java.util.concurrent.atomic.AtomicReference<Error> failure = new java.util.concurrent.atomic.AtomicReference<>();
        List<Measurement> seen = new CopyOnWriteArrayList<>();
        try (Sampler sampler = new Sampler(FixturePlatforms.failing(failure), Duration.ofMillis(100))) {
            sampler.onMeasurement(seen::add);
            sampler.start();
            failure.set(new OutOfMemoryError("Java heap space"));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (seen.stream().noneMatch(Measurement::failed) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Measurement failed = seen.stream().filter(Measurement::failed).findFirst().orElse(null);
            assertNotNull(failed, "the failed tick is published");
            assertEquals("Java heap space", failed.error());
            failure.set(null);
            long after = sampler.latest().seq();
            while ((sampler.latest().seq() <= after || sampler.latest().failed()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(sampler.latest().failed(), "the sampler's thread lived on and measures again");
        }
    }

    @Test
    void ticksTakenAtOnceReachTheListenersInTheOrderTaken() throws Exception {
        List<Long> heard = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch firstInListener = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch secondTaken = new java.util.concurrent.CountDownLatch(1);
        try (Sampler sampler = new Sampler(Duration.ofSeconds(10))) {
            long first = sampler.sampleNow().seq() + 1;
            sampler.onMeasurement(m -> {
                if (m.seq() == first) {
                    firstInListener.countDown();
                    try {
                        // without the order kept, the second tick is heard meanwhile
                        secondTaken.await(2, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    heard.add(m.seq());
                } else {
                    heard.add(m.seq());
                    secondTaken.countDown();
                }
            });
            Thread a = new Thread(sampler::sampleNow, "tick-a");
            a.start();
            assertTrue(firstInListener.await(10, java.util.concurrent.TimeUnit.SECONDS), "the first tick reached its listener");
            Thread b = new Thread(sampler::sampleNow, "tick-b");
            b.start();
            a.join(10_000);
            b.join(10_000);
            assertEquals(List.of(first, first + 1), heard, "in the order taken");
        }
    }

    @Test
    void aFailureWithoutAMessageIsNamedByItsType() {
        assertEquals("NullPointerException", org.threadlab.text.Reasons.of(new NullPointerException()));
        assertEquals("gone", org.threadlab.text.Reasons.of(new IllegalStateException("gone")));
    }
}
