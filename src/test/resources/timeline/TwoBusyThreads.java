/**
 * Two busy native threads, named busy-0 and busy-1, for the given seconds (default 30): the sight beside
 * CPython's four under the GIL. Run as a single file: java TwoBusyThreads.java 20
 */
public class TwoBusyThreads {
    static volatile long sink;

    public static void main(String[] args) throws InterruptedException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 30;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        Thread[] threads = new Thread[2];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                long x = 0;
                while (System.nanoTime() < end) {
                    for (int k = 0; k < 100_000; k++) {
                        x = x * 31 + k;
                    }
                }
                sink = x;
            }, "busy-" + i);
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
