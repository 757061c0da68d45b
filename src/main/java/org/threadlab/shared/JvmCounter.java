package org.threadlab.shared;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/** A counter in this JVM's heap: every thread of this JVM sees the same one; a child JVM has its own. */
public final class JvmCounter implements Counter {
    private volatile long plain;
    private final AtomicLong atomic = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public void increment(Mode mode) {
        switch (mode) {
            case UNSAFE -> {
                // read, then write: the gap between the two is where updates get lost
                long v = plain;
                plain = Counter.next(v);
            }
            case LOCK -> {
                lock.lock();
                try {
                    plain = Counter.next(plain);
                } finally {
                    lock.unlock();
                }
            }
            case ATOMIC -> atomic.addAndGet(Counter.next(0));
        }
    }

    @Override
    public long get() {
        return plain + atomic.get();
    }

    @Override
    public void reset() {
        lock.lock();
        try {
            plain = 0;
            atomic.set(0);
        } finally {
            lock.unlock();
        }
    }
}
