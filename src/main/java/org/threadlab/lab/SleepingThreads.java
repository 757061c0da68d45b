package org.threadlab.lab;

import java.io.IOException;

/**
 * The bench's target: a bare JVM with N sleeping threads ("sleeper-1"...). It prints "ready" once they
 * all run and exits when its stdin closes, so it never outlives the bench that started it.
 */
public final class SleepingThreads {
    private SleepingThreads() {}

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        for (int i = 1; i <= n; i++) {
            Thread t = new Thread(new Sleeper(), "sleeper-" + i);
            t.setDaemon(true);
            t.start();
        }
        System.out.println("ready");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to close the pipe
        }
    }

    /** A named class, not a lambda: no invokedynamic bootstrap in the child. */
    private static final class Sleeper implements Runnable {
        @Override
        public void run() {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
