package org.threadlab.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** What the kernel says, read independently of the sampler's code paths, and small helpers for the tests. */
public final class Kernel {
    private Kernel() {}

    public static final boolean LINUX = Files.isReadable(Path.of("/proc/self/stat"));

    /** utime + stime of one thread, in clock ticks. */
    static long threadTicks(long pid, long tid) throws IOException {
        String s = Files.readString(Path.of("/proc/" + pid + "/task/" + tid + "/stat"));
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** A thread's time on a CPU in nanoseconds: the first field of its schedstat. */
    static long threadCpuNanos(long pid, long tid) throws IOException {
        String s = Files.readString(Path.of("/proc/" + pid + "/task/" + tid + "/schedstat"));
        return Long.parseLong(s.substring(0, s.indexOf(' ')));
    }

    static String comm(long pid, long tid) throws IOException {
        return Files.readString(Path.of("/proc/" + pid + "/task/" + tid + "/comm")).strip();
    }

    static long vmRssBytes(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS");
    }

    /** A daemon thread that spins until interrupted; returns once it runs, with its native TID known. */
    static final class Spinner implements AutoCloseable {
        final Thread thread;
        volatile long tid;
        private volatile boolean stop;

        Spinner(String name, CountDownLatch go) throws InterruptedException {
            CountDownLatch started = new CountDownLatch(1);
            thread = new Thread(() -> {
                tid = org.threadlab.worker.NativeThreadId.current();
                started.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long x = 0;
                while (!stop) {
                    x += System.nanoTime() & 1;
                }
                if (x == 42) {
                    System.out.print("");
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
            started.await();
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.interrupt();
            thread.join(2000);
        }
    }
}
