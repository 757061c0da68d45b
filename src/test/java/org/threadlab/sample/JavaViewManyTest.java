package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** With hundreds of threads every thread is in every view, a new one at once, and each one's state is this tick's. */
class JavaViewManyTest {

    @Test
    void everyThreadIsInEveryViewAndANewOneAtOnce() throws Exception {
        int n = 356; // more than the 256 the ThreadInfo view read in full each tick
        CountDownLatch stop = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                threads.add(start("many-view-" + i, stop));
            }
            JavaView.Memory memory = new JavaView.Memory();
            for (int tick = 0; tick < 16; tick++) {
                JavaView v = new JavaView(Map.of(), memory);
                for (Thread t : threads) {
                    JavaThreadSample s = v.byJavaId(t.getId());
                    assertNotNull(s, t.getName() + " at tick " + tick);
                    assertEquals(t.getName(), s.name());
                    assertEquals(Thread.State.WAITING, s.state(), t.getName());
                }
                if (tick == 3) {
                    Thread late = start("many-view-late", stop);
                    threads.add(late);
                }
            }
            JavaView v = new JavaView(Map.of(), memory);
            assertTrue(v.byJavaId(threads.get(threads.size() - 1).getId()) != null);
        } finally {
            stop.countDown();
            for (Thread t : threads) {
                t.join(5000);
            }
        }
    }

    @Test
    void aKernelNameIsTheFirstFifteenBytes() {
        assertEquals("sleep-1234", JavaView.shortName("sleep-1234"));
        assertEquals("threadlab-sampl", JavaView.shortName("threadlab-sampler"));
    }

    private static Thread start(String name, CountDownLatch stop) throws InterruptedException {
        CountDownLatch waiting = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            waiting.countDown();
            try {
                stop.await();
            } catch (InterruptedException e) {
                // the end of the test
            }
        }, name);
        t.setDaemon(true);
        t.start();
        waiting.await();
        // WAITING once parked in await: wait for it, with a deadline
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (t.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return t;
    }
}
