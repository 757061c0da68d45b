package org.threadlab.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The GIL is judged by behaviour, never by speed: who gets past a checkpoint while another is
 * past it, who waits, who holds. On a busy 2-core machine CPU rates wander (how many cores the
 * threads kept busy belongs in {@code compare} and the benchmarks), but a lock either lets a
 * second thread in or it does not, however busy the machine is.
 */
class SimulatedGilTest {
    private static final long DEADLINE_NANOS = 30_000_000_000L;

    /** Four threads that each pass a checkpoint, then stay in their "work" until {@link #finish()}. */
    private static final class Crowd {
        final SimulatedGil gil;
        final CountDownLatch past = new CountDownLatch(4);
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicInteger heldWhileWorking = new AtomicInteger();
        final List<Thread> threads = new ArrayList<>();

        Crowd(SimulatedGil gil) {
            this.gil = gil;
            for (int i = 0; i < 4; i++) {
                Thread t = new Thread(() -> {
                    SimulatedGil.Holder h = gil.holder(Thread.currentThread().getName(), null);
                    try {
                        h.checkpoint();
                        if (h.isHeld()) {
                            heldWhileWorking.incrementAndGet();
                        }
                        past.countDown();
                        // CPU work between checkpoints, until the test has seen what it came for
                        long seed = 1;
                        while (!done.await(0, TimeUnit.MILLISECONDS)) {
                            seed = CpuBurn.burn(2_000, seed);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        h.release();
                    }
                }, "crowd-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }

        /** How many threads are past their checkpoint now. */
        int past() {
            return (int) (4 - past.getCount());
        }

        void finish() throws InterruptedException {
            done.countDown();
            for (Thread t : threads) {
                t.join(DEADLINE_NANOS / 1_000_000);
                assertFalse(t.isAlive(), t.getName() + " did not end");
            }
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 30 s for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void withTheGilOneThreadWorksWhileTheOthersWaitForIt() throws Exception {
        SimulatedGil gil = new SimulatedGil(true);
        Crowd crowd = new Crowd(gil);
        try {
            await("three threads queued for the GIL (state " + gil.state() + ")", () -> gil.state().waiting() == 3);
            SimulatedGil.State s = gil.state();
            assertEquals(1, crowd.past(), "with the GIL on, only its holder gets past a checkpoint");
            assertTrue(s.holder() != null && s.holder().startsWith("crowd-"), "the holder is named: " + s);
        } finally {
            crowd.finish();
        }
        // each thread held it in turn while it worked
        assertEquals(4, crowd.heldWhileWorking.get());
        assertEquals(0, gil.state().waiting());
        assertEquals(null, gil.state().holder());
    }

    @Test
    void withoutTheGilThreadsWorkAtTheSameTimeAndNobodyHoldsIt() throws Exception {
        SimulatedGil gil = new SimulatedGil(false);
        Crowd crowd = new Crowd(gil);
        try {
            // all four in their work at once: no lock serialises them (with the GIL on this never happens)
            await("all four threads past their checkpoint together (" + crowd.past() + " are)", () -> crowd.past() == 4);
            SimulatedGil.State s = gil.state();
            assertEquals(0, s.waiting(), "nobody waits: " + s);
            assertEquals(null, s.holder(), "nobody holds the GIL: " + s);
            assertEquals(0, crowd.heldWhileWorking.get());
        } finally {
            crowd.finish();
        }
        assertEquals(0, gil.state().handoffs());
    }

    @Test
    void neverTwoHoldersAtOnceAndItIsHandedOver() throws Exception {
        SimulatedGil gil = new SimulatedGil(true);
        gil.setSwitchInterval(Duration.ofMillis(1));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        List<Thread> list = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                SimulatedGil.Holder h = gil.holder(Thread.currentThread().getName(), null);
                long end = System.nanoTime() + DEADLINE_NANOS;
                try {
                    // until enough handoffs were seen, not for a fixed time: a busy machine slows it, it does not break it
                    while (gil.state().handoffs() <= 20 && System.nanoTime() < end) {
                        h.checkpoint();
                        int now = inside.incrementAndGet();
                        maxInside.accumulateAndGet(now, Math::max);
                        CpuBurn.burn(5_000, now);
                        inside.decrementAndGet();
                    }
                } catch (InterruptedException ignored) {
                    // test ends
                } finally {
                    h.release();
                }
            });
            list.add(t);
            t.start();
        }
        for (Thread t : list) {
            t.join();
        }
        assertEquals(1, maxInside.get());
        assertTrue(gil.state().handoffs() > 10, "handoffs: " + gil.state().handoffs());
        assertEquals(0, gil.state().waiting());
    }

    @Test
    void switchingOffReleasesWaitersPromptly() throws Exception {
        SimulatedGil gil = new SimulatedGil(true);
        CountDownLatch held = new CountDownLatch(1);
        AtomicInteger progressed = new AtomicInteger();
        Thread holder = new Thread(() -> {
            SimulatedGil.Holder h = gil.holder("holder", null);
            try {
                h.checkpoint();
                held.countDown();
                long end = System.nanoTime() + DEADLINE_NANOS;
                while (System.nanoTime() < end && progressed.get() < 100) {
                    h.checkpoint();
                    CpuBurn.burn(1_000, 1);
                }
            } catch (InterruptedException ignored) {
                // ends
            } finally {
                h.release();
            }
        });
        holder.start();
        held.await();
        Thread other = new Thread(() -> {
            SimulatedGil.Holder h = gil.holder("other", null);
            try {
                for (int i = 0; i < 100; i++) {
                    h.checkpoint();
                    progressed.incrementAndGet();
                }
            } catch (InterruptedException ignored) {
                // ends
            } finally {
                h.release();
            }
        });
        other.start();
        gil.setEnabled(false);
        // the holder runs on until the other made its 100 steps: the waiter got through while it ran
        other.join(DEADLINE_NANOS / 1_000_000);
        holder.join(DEADLINE_NANOS / 1_000_000);
        assertFalse(other.isAlive());
        assertEquals(100, progressed.get());
        assertEquals(null, gil.state().holder());
    }
}
