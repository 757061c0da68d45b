package org.threadlab.sample;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * A child for {@link OtherThreadsGateTest}: ten sleeping threads and "late-spin", which sleeps until a
 * line comes on stdin and then spins; prints "ready" once they all run, exits when stdin closes.
 */
public final class WakeThenSpin {
    private WakeThenSpin() {}

    public static void main(String[] args) throws IOException {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 1; i <= 10; i++) {
            Thread t = new Thread(() -> await(never), "sleeper-" + i);
            t.setDaemon(true);
            t.start();
        }
        Thread spin = new Thread(() -> {
            await(go);
            long x = 0;
            while (true) {
                x += System.nanoTime() & 1;
                if (x == -1) {
                    break;
                }
            }
        }, "late-spin");
        spin.setDaemon(true);
        spin.start();
        System.out.println("ready");
        System.out.flush();
        int c;
        while ((c = System.in.read()) >= 0) {
            if (c == '\n') {
                go.countDown();
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
