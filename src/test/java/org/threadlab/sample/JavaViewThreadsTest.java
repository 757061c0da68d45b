package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The view from the live {@code Thread} objects sees what ThreadMXBean sees (the same ids, names, daemon
 * flags), shows every thread's state as of this tick however many there are, and a tick with a standing
 * set of threads makes no garbage per thread.
 */
class JavaViewThreadsTest {
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void seesTheThreadsThreadMxBeanSees() throws Exception {
        try (Parked parked = new Parked(50)) {
            // threads come and go around us (the JVM's own, other tests'): retry until one pair of reads agrees
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            String last = null;
            while (System.nanoTime() < deadline) {
                Map<Long, String> mx = new TreeMap<>();
                for (ThreadInfo i : MX.getThreadInfo(MX.getAllThreadIds())) {
                    if (i != null) {
                        mx.put(i.getThreadId(), i.getThreadName() + (i.isDaemon() ? " daemon" : ""));
                    }
                }
                JavaView v = new JavaView(Map.of());
                Map<Long, String> ours = new TreeMap<>();
                for (long id : mx.keySet()) {
                    JavaThreadSample s = v.byJavaId(id);
                    if (s != null) {
                        ours.put(id, s.name() + (s.daemon() ? " daemon" : ""));
                    }
                }
                // and nothing ThreadMXBean does not list (a hidden compiler thread would be one)
                int extra = 0;
                for (long id = 1; id <= mx.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1000; id++) {
                    if (!mx.containsKey(id) && v.byJavaId(id) != null) {
                        extra++;
                    }
                }
                if (ours.equals(mx) && extra == 0) {
                    for (Thread t : parked.threads) {
                        assertEquals(t.getName(), v.byJavaId(t.getId()).name());
                    }
                    return;
                }
                last = "ThreadMXBean " + mx + "\nview " + ours + "\n" + extra + " more in the view";
                Thread.sleep(20);
            }
            throw new AssertionError(last);
        }
    }

    @Test
    void everyThreadsStateIsThisTicks() throws Exception {
        // 356 threads: the ThreadInfo view read a quiet thread's state one tick in eight above 256
        try (Parked parked = new Parked(356)) {
            CountDownLatch go = new CountDownLatch(1);
            Thread sleeper = new Thread(() -> {
                try {
                    go.await();
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // the end of the test
                }
            }, "view-sleeper");
            sleeper.setDaemon(true);
            sleeper.start();
            try {
                awaitState(sleeper, Thread.State.WAITING);
                JavaView.Memory memory = new JavaView.Memory();
                for (int tick = 0; tick < 4; tick++) {
                    assertEquals(Thread.State.WAITING, new JavaView(Map.of(), memory).byJavaId(sleeper.getId()).state());
                }
                // from parked to asleep, allocating next to nothing: the next view shows it
                go.countDown();
                awaitState(sleeper, Thread.State.TIMED_WAITING);
                JavaView v = new JavaView(Map.of(), memory);
                assertEquals(Thread.State.TIMED_WAITING, v.byJavaId(sleeper.getId()).state());
                // parked threads all over the id range: each view shows them as they are
                for (int k = 0; k < 8; k++) {
                    Thread t = parked.threads.get(k * 40);
                    assertEquals(Thread.State.WAITING, new JavaView(Map.of(), memory).byJavaId(t.getId()).state());
                }
                sleeper.interrupt();
                sleeper.join(10_000);
                JavaThreadSample gone = new JavaView(Map.of(), memory).byJavaId(sleeper.getId());
                assertTrue(gone == null, "an ended thread is not in the view: " + gone);
                Thread renamed = parked.threads.get(123);
                renamed.setName("view-renamed");
                assertEquals("view-renamed", new JavaView(Map.of(), memory).byJavaId(renamed.getId()).name());
            } finally {
                sleeper.interrupt();
            }
        }
    }

    @Test
    void aTickOfStandingThreadsMakesNoGarbagePerThread() throws Exception {
        int n = 2_000;
        try (Parked parked = new Parked(n)) {
            // every thread a worker the sampler knows by (TID, Java id), joined as the own process's probe does
            Map<Long, Long> pairs = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                pairs.put(1_000_000L + i, parked.threads.get(i).getId());
            }
            Map<Long, Long> watched = Map.copyOf(pairs);
            JavaView.Memory memory = new JavaView.Memory();
            long self = Thread.currentThread().getId();
            long least = Long.MAX_VALUE;
            // the least of several ticks: a thread of the JVM's own may come or go during one
            for (int tick = 0; tick < 12; tick++) {
                long before = MX.getThreadAllocatedBytes(self);
                JavaView v = new JavaView(watched, memory);
                for (int i = 0; i < n; i++) {
                    JavaThreadSample s = v.forTask(1_000_000L + i, "view-parked-", false);
                    if (s == null || s.id() != parked.threads.get(i).getId()) {
                        throw new AssertionError("TID " + (1_000_000L + i) + " joined to " + s);
                    }
                }
                long made = MX.getThreadAllocatedBytes(self) - before;
                if (tick >= 2) {
                    least = Math.min(least, made);
                }
            }
            System.out.println("view of " + n + " threads, each joined: " + least + " bytes");
            // the allocated-bytes array (8 bytes a thread; on Java 19+ the JVM's Thread[] of every thread as
            // well, 4 more): the ThreadInfo view made maps of boxed ids and infos (270 bytes a thread), and a
            // boxed TID a join is 16 bytes a thread more
            assertTrue(least < 20L * n, least + " bytes for a view of " + n + " threads");
            assertTrue(new JavaView(watched, memory).forTask(5, "view-parked-", false) == null, "an unknown TID joins nothing");
        }
    }

    private static void awaitState(Thread t, Thread.State state) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (t.getState() != state) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(t.getName() + " never " + state + ": " + t.getState());
            }
            Thread.onSpinWait();
        }
    }

    /** n daemon threads parked in an await until closed. */
    private static final class Parked implements AutoCloseable {
        final List<Thread> threads = new ArrayList<>();
        private final CountDownLatch stop = new CountDownLatch(1);

        Parked(int n) {
            for (int i = 0; i < n; i++) {
                Thread t = new Thread(() -> {
                    try {
                        stop.await();
                    } catch (InterruptedException e) {
                        // the end of the test
                    }
                }, "view-parked-" + i);
                t.setDaemon(i % 2 == 0);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                awaitState(t, Thread.State.WAITING);
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop.countDown();
            for (Thread t : threads) {
                t.join(10_000);
            }
        }
    }
}
