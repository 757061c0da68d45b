package org.threadlab.sample;

import java.io.IOException;

/**
 * The cross-check's watched child: a JVM with {@link #BUSY} threads that spin and {@link #SLEEPING} that
 * sleep, each with a name of its own; prints "ready" once all run, and exits when its stdin closes.
 */
public final class CrossCheckChild {
    static final int BUSY = 2;
    static final int SLEEPING = 3;

    private static volatile long sink;

    private CrossCheckChild() {}

    public static void main(String[] args) throws IOException {
        for (int i = 0; i < BUSY; i++) {
            Thread t = new Thread(() -> {
                long x = 0;
                for (;;) {
                    x++;
                    if ((x & 0xFFFFF) == 0) {
                        sink = x; // keeps the loop from being optimised away
                    }
                }
            }, "cc-busy-" + i);
            t.setDaemon(true);
            t.start();
        }
        for (int i = 0; i < SLEEPING; i++) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    // ends with the process
                }
            }, "cc-sleep-" + i);
            t.setDaemon(true);
            t.start();
        }
        System.out.println("ready");
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the test closes our stdin
        }
    }
}
