package org.threadlab.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A JVM of its own for {@link WorkerStackTest}: COUNT threads that read their TID with
 * {@link NativeThreadId#current()} and COUNT that do not, all then asleep, and the resident size of each
 * one's stack mapping (the mapping that holds the stack pointer the kernel shows for its sleep, from
 * /proc/self/task/TID/syscall and /proc/self/smaps). Prints "tid=KIB bare=KIB": the mean over each group.
 */
public final class StackPages {
    private StackPages() {}

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        // the same code run first by other threads: its classes loaded and initialized and its methods
        // compiled (-Xcomp, -Xbatch) before the measured threads run it. They stay asleep: a thread that
        // ended leaves its stack, pages and all, in glibc's cache for the next thread started
        for (int round = 0; round < 3; round++) {
            start(count, true, false);
            start(count, false, false);
        }
        long[] withTid = start(count, true, true);
        long[] bare = start(count, false, true);
        // a thread still on its way into its sleep shows "running" in its syscall file: waited for below
        System.out.println("tid=" + meanRssKib(withTid) + " bare=" + meanRssKib(bare));
        Runtime.getRuntime().halt(0);
    }

    /** Starts the threads; returns their TIDs (the measured bare ones' from their kernel names, after they started). */
    private static long[] start(int count, boolean readTid, boolean measured) throws InterruptedException {
        long[] tids = new long[count];
        CountDownLatch ready = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            int k = i;
            Thread t = new Thread(() -> {
                if (readTid) {
                    tids[k] = NativeThreadId.current();
                }
                ready.countDown();
                sleep();
            }, (measured ? "" : "w") + (readTid ? "tid-" : "bare-") + i);
            t.setDaemon(true);
            t.start();
        }
        ready.await();
        if (!readTid && measured) {
            // the bare threads' TIDs from their kernel names (the Java name's first 15 bytes)
            List<Long> found = new ArrayList<>();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path p : (Iterable<Path>) tasks::iterator) {
                    try {
                        if (Files.readString(p.resolve("comm")).startsWith("bare-")) {
                            found.add(Long.parseLong(p.getFileName().toString()));
                        }
                    } catch (IOException e) {
                        // ended
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            for (int i = 0; i < count && i < found.size(); i++) {
                tids[i] = found.get(i);
            }
        }
        return tids;
    }

    private static void sleep() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            // the end of the JVM
        }
    }

    private static long meanRssKib(long[] tids) throws Exception {
        List<long[]> maps = stackMaps();
        long sum = 0;
        int n = 0;
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (long tid : tids) {
            long sp;
            while ((sp = stackPointer(tid)) < 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("thread " + tid + " never showed a stack pointer in its syscall file");
                }
                Thread.sleep(10);
            }
            for (long[] m : maps) {
                if (m[0] <= sp && sp < m[1]) {
                    sum += m[2];
                    n++;
                    break;
                }
            }
        }
        if (n != tids.length) {
            throw new IllegalStateException("found the stack mapping of " + n + " of " + tids.length + " threads");
        }
        return sum / n;
    }

    /** The thread's stack pointer in its current syscall, -1 while it is not in one ("running"). */
    private static long stackPointer(long tid) throws IOException {
        String[] f = Files.readString(Path.of("/proc/self/task/" + tid + "/syscall")).trim().split(" ");
        return f.length < 9 ? -1 : Long.parseUnsignedLong(f[7].substring(2), 16);
    }

    /** Every mapping of the process: start, end, Rss in KiB. */
    private static List<long[]> stackMaps() throws IOException {
        List<long[]> out = new ArrayList<>();
        long[] cur = null;
        for (String l : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            int dash = l.indexOf('-');
            int space = l.indexOf(' ');
            if (dash > 0 && space > dash && l.substring(0, dash).matches("[0-9a-f]+")) {
                cur = new long[] {Long.parseUnsignedLong(l.substring(0, dash), 16),
                        Long.parseUnsignedLong(l.substring(dash + 1, space), 16), 0};
                out.add(cur);
            } else if (l.startsWith("Rss:") && cur != null) {
                cur[2] = Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return out;
    }
}
