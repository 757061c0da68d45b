package org.threadlab.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The GIL's books: per thread, the time it held the lock and waited for it. Judged by what must hold
 * however busy the machine is (held spans never overlap, one consistent instant), never by times.
 */
class SimulatedGilAccountingTest {

    /** Threads that burn CPU in small slices with the GIL, until stopped. */
    private static final class Burners implements AutoCloseable {
        final List<Thread> threads = new ArrayList<>();
        final AtomicBoolean stop = new AtomicBoolean();

        Burners(SimulatedGil gil, int n) throws InterruptedException {
            CountDownLatch started = new CountDownLatch(n);
            for (int i = 0; i < n; i++) {
                Thread t = new Thread(() -> {
                    SimulatedGil.Holder h = gil.holder(Thread.currentThread().getName(), null);
                    long seed = 1;
                    started.countDown();
                    try {
                        while (!stop.get()) {
                            h.checkpoint();
                            seed = CpuBurn.burn(2_000, seed);
                        }
                    } catch (InterruptedException e) {
                        // end
                    } finally {
                        h.release();
                    }
                    if (seed == 7) {
                        System.out.print("");
                    }
                }, "burner-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            started.await();
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            for (Thread t : threads) {
                t.join(5000);
            }
        }
    }

    private static void awaitHandoffs(SimulatedGil gil, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (gil.state().handoffs() < atLeast) {
            assertTrue(System.nanoTime() < deadline, "only " + gil.state().handoffs() + " hand-overs in 30 s");
            Thread.sleep(10);
        }
    }

    @Test
    void heldSharesNeverAddUpToMoreThanTheIntervalAndEveryThreadHadItsTurn() throws Exception {
        SimulatedGil gil = new SimulatedGil(true);
        gil.setSwitchInterval(Duration.ofMillis(1));
        try (Burners b = new Burners(gil, 3)) {
            awaitHandoffs(gil, 3);
            SimulatedGil.Accounting before = gil.accounting();
            long from = gil.state().handoffs();
            awaitHandoffs(gil, from + 30);
            SimulatedGil.Accounting after = gil.accounting();
            long span = after.atNanos() - before.atNanos();
            long heldSum = 0;
            for (Thread t : b.threads) {
                SimulatedGil.Usage u = after.usageSince(before, t.getId());
                assertTrue(u.heldNanos() > 0, t.getName() + " held it: " + u);
                assertTrue(u.waitedNanos() > 0, t.getName() + " waited for it: " + u);
                assertTrue(u.heldNanos() + u.waitedNanos() <= span, t.getName() + " did not hold and wait at once: " + u);
                heldSum += u.heldNanos();
            }
            // exact, not approximately: held spans do not overlap
            assertTrue(heldSum <= span, "held " + heldSum + " ns in " + span + " ns");
            SimulatedGil.State over = after.over(before);
            assertEquals(heldSum / (double) span, over.heldShare(), 1e-12, "the header's figure is the rows' sum");
            assertTrue(over.waitingAverage() > 0 && over.waitingAverage() <= 3, "waiting on average " + over.waitingAverage());
        }
    }

    @Test
    void anInstantOfTheBooksIsOneConsistentPicture() throws Exception {
        SimulatedGil gil = new SimulatedGil(true);
        gil.setSwitchInterval(Duration.ofMillis(1));
        try (Burners b = new Burners(gil, 4)) {
            awaitHandoffs(gil, 3);
            for (int i = 0; i < 200; i++) {
                SimulatedGil.Accounting a = gil.accounting();
                long holding = a.byThread().values().stream().filter(SimulatedGil.Usage::holding).count();
                long waiting = a.byThread().values().stream().filter(SimulatedGil.Usage::waitingNow).count();
                assertTrue(holding <= 1, "two holders at once: " + a);
                assertEquals(holding == 1, a.state().holder() != null, "the header's holder is the rows' holder: " + a);
                assertEquals(waiting, a.state().waiting(), "the header's waiting are the rows' waiting: " + a);
                assertTrue(a.byThread().values().stream().noneMatch(u -> u.holding() && u.waitingNow()), a.toString());
            }
        }
    }

    @Test
    void endedThreadsLeaveTheBooks() throws Exception {
        SimulatedGil gil = new SimulatedGil(true);
        List<Long> ids = new ArrayList<>();
        try (Burners b = new Burners(gil, 2)) {
            awaitHandoffs(gil, 2);
            b.threads.forEach(t -> ids.add(t.getId()));
            assertTrue(gil.accounting().byThread().keySet().containsAll(ids));
        }
        SimulatedGil.Accounting a = gil.accounting();
        for (long id : ids) {
            assertFalse(a.byThread().containsKey(id), "thread " + id + " ended: not kept");
        }
        assertNotNull(a.state());
        assertEquals(0, a.state().waiting());
    }
}
