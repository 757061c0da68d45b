package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A Java thread whose view did not change between ticks is shown by the same sample; one that did, anew. */
class JavaViewReuseTest {

    @Test
    void aParkedThreadKeepsItsSampleAndAChangedOneGetsANewOne() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                go.await();
                end.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "reuse-probe");
        t.setDaemon(true);
        t.start();
        try {
            JavaView.Memory memory = new JavaView.Memory();
            JavaThreadSample first = waitingSample(t, memory);
            JavaThreadSample again = new JavaView(Map.of(), memory).byJavaId(t.getId());
            assertSame(first, again, "parked both times, nothing allocated: the same sample");
            t.setName("reuse-renamed");
            JavaThreadSample renamed = new JavaView(Map.of(), memory).byJavaId(t.getId());
            assertEquals("reuse-renamed", renamed.name());
            assertEquals("reuse-probe", first.name(), "what was shown before is not changed");
        } finally {
            go.countDown();
            end.countDown();
            t.join(10_000);
        }
    }

    /** The thread's sample once it is parked (WAITING) and two reads in a row agree. */
    private static JavaThreadSample waitingSample(Thread t, JavaView.Memory memory) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JavaThreadSample s = null;
        while (System.nanoTime() < deadline) {
            s = new JavaView(Map.of(), memory).byJavaId(t.getId());
            if (s != null && s.state() == Thread.State.WAITING) {
                return s;
            }
            Thread.sleep(10);
        }
        assertNotNull(s);
        throw new AssertionError("never WAITING: " + s);
    }
}
