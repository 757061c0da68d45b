package org.threadlab.shared;

/**
 * A counter that workers increment, in one of three ways. The unsafe way is a separate read and
 * write, so two workers that read the same value both write value+1 and one increment is lost.
 */
public interface Counter {
    enum Mode { UNSAFE, LOCK, ATOMIC }

    void increment(Mode mode);

    /**
     * The "work" of computing the next value: a few dozen nanoseconds of dependent arithmetic the
     * JIT cannot fold. Every mode does it, so they differ only in how the update is made safe; in
     * the unsafe mode it widens the gap between read and write, as the bytecodes of
     * {@code counter += 1} do in Python, so lost updates show up reliably.
     */
    static long next(long value) {
        long x = value | 1;
        for (int i = 0; i < 8; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        // x is never 0 for a non-zero start, so this is value + 1, computed the slow way
        return value + (x != 0 ? 1 : 2);
    }

    long get();

    void reset();
}
