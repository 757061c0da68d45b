package org.threadlab.work;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A stand-in for CPython's global interpreter lock: CPU work of threads in one JVM must hold it,
 * and a holder hands it over once it has held it for the switch interval and somebody is waiting
 * (as CPython's "drop request" does). Waiting, sleeping and I/O never hold it.
 *
 * <p>A fair {@link ReentrantLock} does the handing over: after {@code unlock()}, the holder's own
 * {@code lock()} queues behind the threads already waiting, so the lock rotates. Switching it off
 * takes effect at every holder's next checkpoint (within a fraction of a millisecond).
 */
public final class SimulatedGil {
    public static final Duration DEFAULT_SWITCH_INTERVAL = Duration.ofMillis(5);

    private final ReentrantLock lock = new ReentrantLock(true);
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong handoffs = new AtomicLong();
    private volatile boolean enabled;
    private volatile long switchIntervalNanos = DEFAULT_SWITCH_INTERVAL.toNanos();
    private volatile String holderName;

    public SimulatedGil(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean on) {
        enabled = on;
    }

    public Duration switchInterval() {
        return Duration.ofNanos(switchIntervalNanos);
    }

    public void setSwitchInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero() || interval.toMillis() > 10_000) {
            throw new IllegalArgumentException("GIL switch interval must be between 1us and 10s, not " + interval);
        }
        switchIntervalNanos = interval.toNanos();
    }

    /** Who holds it now and how many wait: what the header of the screen shows. */
    public State state() {
        return new State(enabled, holderName, waiting.get(), switchInterval(), handoffs.get());
    }

    /** One per thread that does CPU work; not thread-safe, used only by its own thread. */
    public Holder holder(String name, Listener listener) {
        return new Holder(name, listener);
    }

    /** Told when the thread starts and stops waiting for the lock, so it can show as "blocked". */
    public interface Listener {
        void blocked(boolean waitingForGil);
    }

    public record State(boolean enabled, String holder, int waiting, Duration switchInterval, long handoffs) {}

    public final class Holder {
        private final String name;
        private final Listener listener;
        private boolean held;
        private long acquiredAt;

        private Holder(String name, Listener listener) {
            this.name = name;
            this.listener = listener;
        }

        public boolean isHeld() {
            return held;
        }

        /** A point between slices of CPU work where the lock is taken, kept, or handed over. */
        public void checkpoint() throws InterruptedException {
            if (!enabled) {
                release();
                return;
            }
            if (!held) {
                acquire();
            } else if (System.nanoTime() - acquiredAt >= switchIntervalNanos && lock.hasQueuedThreads()) {
                release();
                handoffs.incrementAndGet();
                acquire();
            }
        }

        public void release() {
            if (held) {
                held = false;
                holderName = null;
                lock.unlock();
            }
        }

        private void acquire() throws InterruptedException {
            // tryLock() barges past a fair queue, so only use it when nobody waits
            if (lock.hasQueuedThreads() || !lock.tryLock()) {
                waiting.incrementAndGet();
                if (listener != null) {
                    listener.blocked(true);
                }
                try {
                    lock.lockInterruptibly();
                } finally {
                    waiting.decrementAndGet();
                    if (listener != null) {
                        listener.blocked(false);
                    }
                }
            }
            held = true;
            holderName = name;
            acquiredAt = System.nanoTime();
        }
    }
}
