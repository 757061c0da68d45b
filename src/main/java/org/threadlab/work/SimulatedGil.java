package org.threadlab.work;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>It keeps books: per thread, the nanoseconds it held the lock and waited for it. Every change (a
 * thread starts or stops waiting, takes or gives up the lock) is written under one monitor with its
 * time read inside it, and {@link #accounting()} reads them all under the same monitor at one instant:
 * so the held spans never overlap (a holder's books close before it unlocks, the next one's open
 * after it has the lock), the threads' held time over any interval adds up to at most the interval,
 * and who holds it and who waits are one consistent picture.
 *
 * <p>It also keeps its hand-overs: every held and waited span, closed where the books are written, in a
 * bounded log of the last {@link #SPANS} ({@link #spans}), so the timeline shows who held it exactly.
 */
public final class SimulatedGil {
    public static final Duration DEFAULT_SWITCH_INTERVAL = Duration.ofMillis(5);
    /**
     * How many closed spans the log keeps: at the 5 ms switch interval two busy threads close ~400 a
     * second (a held and a waited span per hand-over), so this is some ten seconds of them, more than the
     * timeline's window, for a few hundred kilobytes at most.
     */
    public static final int SPANS = 8192;

    private final ReentrantLock lock = new ReentrantLock(true);
    private final AtomicLong handoffs = new AtomicLong();
    private volatile boolean enabled;
    private volatile long switchIntervalNanos = DEFAULT_SWITCH_INTERVAL.toNanos();
    // the books: guarded by "books"
    private final Object books = new Object();
    private final List<Account> accounts = new ArrayList<>();
    private int waiting;
    private String holderName;
    private final ArrayDeque<Span> spans = new ArrayDeque<>();

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

    /** Who holds it now and how many wait, at one instant (no figures over an interval). */
    public State state() {
        synchronized (books) {
            return new State(enabled, holderName, waiting, switchInterval(), handoffs.get());
        }
    }

    /**
     * The books at one instant: who holds the lock, how many wait, and per live thread that ever used
     * it, the nanoseconds it held it and waited for it so far (a span still open counted up to now).
     * Two of these make the shares of an interval (see {@link Accounting#usageSince}).
     */
    public Accounting accounting() {
        synchronized (books) {
            long now = System.nanoTime();
            Map<Long, Usage> usage = new HashMap<>();
            accounts.removeIf(a -> a.ended() && a.heldSince < 0 && a.waitSince < 0);
            for (Account a : accounts) {
                long held = a.held + (a.heldSince >= 0 ? now - a.heldSince : 0);
                long waited = a.waited + (a.waitSince >= 0 ? now - a.waitSince : 0);
                // one thread may have several holders (one per context): its books are their sum
                usage.merge(a.threadId, new Usage(a.threadId, held, waited, a.heldSince >= 0, a.waitSince >= 0),
                        Usage::plus);
            }
            return new Accounting(now, new State(enabled, holderName, waiting, switchInterval(), handoffs.get()),
                    Map.copyOf(usage));
        }
    }

    /**
     * The held and waited spans that ended at or after {@code sinceNanos} ({@link System#nanoTime()}),
     * oldest end first, then the spans open now, clipped to now: the exact hand-overs, from the same
     * books as {@link #accounting()}. Spans older than the log's {@link #SPANS} are gone.
     */
    public List<Span> spans(long sinceNanos) {
        synchronized (books) {
            long now = System.nanoTime();
            List<Span> out = new ArrayList<>();
            for (var it = spans.descendingIterator(); it.hasNext(); ) {
                Span s = it.next();
                if (s.toNanos() < sinceNanos) {
                    break; // the log is in order of the spans' ends
                }
                out.add(s);
            }
            java.util.Collections.reverse(out);
            for (Account a : accounts) {
                if (a.waitSince >= 0) {
                    out.add(new Span(a.threadId, a.name, false, a.waitSince, now));
                }
                if (a.heldSince >= 0) {
                    out.add(new Span(a.threadId, a.name, true, a.heldSince, now));
                }
            }
            return out;
        }
    }

    /** Under "books": a span closed. */
    private void logSpan(Account a, boolean held, long from, long to) {
        if (spans.size() >= SPANS) {
            spans.removeFirst();
        }
        spans.addLast(new Span(a.threadId, a.name, held, from, to));
    }

    /**
     * One thread's hold of the lock, or its wait for it.
     *
     * @param threadId  the Java thread id ({@link Thread#getId()})
     * @param holder    the holder's name
     * @param held      true: it held the lock; false: it waited for it
     * @param fromNanos {@link System#nanoTime()} when it took the lock (or began to wait)
     * @param toNanos   when it gave it up (or got it, or gave up waiting); now for a span still open
     */
    public record Span(long threadId, String holder, boolean held, long fromNanos, long toNanos) {}

    /** One per thread that does CPU work; not thread-safe, used only by its own thread. */
    public Holder holder(String name, Listener listener) {
        return new Holder(name, listener);
    }

    /** Told when the thread starts and stops waiting for the lock, so it can show as "blocked". */
    public interface Listener {
        void blocked(boolean waitingForGil);
    }

    /**
     * The GIL as the screen's header shows it.
     *
     * @param holder         who holds it at the instant it was read (null: nobody)
     * @param waiting        how many threads wait for it at that instant
     * @param heldShare      over the last interval, the fraction of it that some thread held it (0..1);
     *                       NaN when only an instant is known
     * @param waitingAverage over the last interval, how many threads waited for it on average (the sum of
     *                       the threads' waited shares); NaN when only an instant is known
     */
    public record State(boolean enabled, String holder, int waiting, Duration switchInterval, long handoffs,
                        double heldShare, double waitingAverage) {

        /** At an instant: no figures over an interval. */
        public State(boolean enabled, String holder, int waiting, Duration switchInterval, long handoffs) {
            this(enabled, holder, waiting, switchInterval, handoffs, Double.NaN, Double.NaN);
        }
    }

    /**
     * One thread's books.
     *
     * @param heldNanos   how long it has held the lock, in all
     * @param waitedNanos how long it has waited for it, in all
     * @param holding     whether it holds it at the instant of reading
     * @param waitingNow  whether it waits for it at that instant
     */
    public record Usage(long threadId, long heldNanos, long waitedNanos, boolean holding, boolean waitingNow) {
        Usage plus(Usage o) {
            return new Usage(threadId, heldNanos + o.heldNanos, waitedNanos + o.waitedNanos, holding || o.holding,
                    waitingNow || o.waitingNow);
        }
    }

    /**
     * The books at one instant.
     *
     * @param atNanos  {@link System#nanoTime()} of the instant
     * @param byThread per Java thread id
     */
    public record Accounting(long atNanos, State state, Map<Long, Usage> byThread) {

        /**
         * What a thread did over the interval from {@code earlier} to this: its held and waited time
         * (a thread new since then counts from zero); zeros when it never used the lock.
         */
        public Usage usageSince(Accounting earlier, long threadId) {
            Usage now = byThread.get(threadId);
            if (now == null) {
                return new Usage(threadId, 0, 0, false, false);
            }
            Usage then = earlier == null ? null : earlier.byThread.get(threadId);
            return then == null ? now : new Usage(threadId, now.heldNanos - then.heldNanos,
                    now.waitedNanos - then.waitedNanos, now.holding, now.waitingNow);
        }

        /** The header's figures over the interval from {@code earlier} to this: the same books as the rows'. */
        public State over(Accounting earlier) {
            long span = earlier == null ? 0 : atNanos - earlier.atNanos;
            if (span <= 0) {
                return state;
            }
            long held = 0;
            long waited = 0;
            for (Usage u : byThread.values()) {
                Usage d = usageSince(earlier, u.threadId());
                held += d.heldNanos();
                waited += d.waitedNanos();
            }
            return new State(state.enabled(), state.holder(), state.waiting(), state.switchInterval(),
                    state.handoffs(), Math.min(1.0, held / (double) span), waited / (double) span);
        }
    }

    /** A holder's books; written by its own thread under "books", read under it by {@link #accounting}. */
    private static final class Account {
        final long threadId;
        final String name;
        final WeakReference<Thread> thread;
        long held;
        long heldSince = -1;
        long waited;
        long waitSince = -1;

        Account(Thread t, String name) {
            this.threadId = t.getId();
            this.name = name;
            this.thread = new WeakReference<>(t);
        }

        boolean ended() {
            Thread t = thread.get();
            return t == null || !t.isAlive();
        }
    }

    public final class Holder {
        private final String name;
        private final Listener listener;
        private boolean held;
        private long acquiredAt;
        private Account account;

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
                synchronized (books) {
                    // the books close before the lock is given up: held spans never overlap
                    long now = System.nanoTime();
                    account.held += now - account.heldSince;
                    logSpan(account, true, account.heldSince, now);
                    account.heldSince = -1;
                    holderName = null;
                }
                lock.unlock();
            }
        }

        private void acquire() throws InterruptedException {
            if (account == null) {
                // opened by the first acquire, on the thread that uses this holder
                account = new Account(Thread.currentThread(), name);
                synchronized (books) {
                    // threads come and go without anyone reading the books (run, compare): drop the ended
                    accounts.removeIf(a -> a.ended() && a.heldSince < 0 && a.waitSince < 0);
                    accounts.add(account);
                }
            }
            // tryLock() barges past a fair queue, so only use it when nobody waits
            if (lock.hasQueuedThreads() || !lock.tryLock()) {
                synchronized (books) {
                    waiting++;
                    account.waitSince = System.nanoTime();
                }
                if (listener != null) {
                    listener.blocked(true);
                }
                boolean got = false;
                try {
                    lock.lockInterruptibly();
                    got = true;
                } finally {
                    synchronized (books) {
                        long now = System.nanoTime();
                        waiting--;
                        account.waited += now - account.waitSince;
                        logSpan(account, false, account.waitSince, now);
                        account.waitSince = -1;
                        if (got) {
                            took(now);
                        }
                    }
                    if (listener != null) {
                        listener.blocked(false);
                    }
                }
            } else {
                synchronized (books) {
                    took(System.nanoTime());
                }
            }
            held = true;
            acquiredAt = System.nanoTime();
        }

        /** Under "books", once the lock is ours: the held span opens after the previous one closed. */
        private void took(long now) {
            account.heldSince = now;
            holderName = name;
        }
    }
}
