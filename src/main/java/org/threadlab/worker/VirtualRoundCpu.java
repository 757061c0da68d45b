package org.threadlab.worker;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU of rounds of virtual threads. The JVM cannot say a virtual thread's CPU (ThreadMXBean answers
 * -1), but virtual threads run only on the JVM's carrier threads, platform threads whose CPU it can say:
 * the carriers' CPU from a round's start to its last worker's end is the round's, as long as no other
 * virtual thread ran meanwhile. A round that shared the carriers is "not measured", never a guess.
 * Thread-safe.
 */
final class VirtualRoundCpu {
    /** The class of the JDK's carrier threads (Java 21 and later). */
    private static final String CARRIER = "jdk.internal.misc.CarrierThread";

    /** One virtual round's readings. */
    private static final class Meter {
        final Map<Long, Long> start;
        boolean shared;
        boolean closed;
        long cpu = -1;

        Meter(Map<Long, Long> start, boolean shared) {
            this.start = start;
            this.shared = shared;
        }
    }

    private final Map<Integer, Meter> meters = new HashMap<>();

    /**
     * A round of virtual threads is about to start.
     *
     * @param alone false when other virtual threads are running (they would share the carriers)
     */
    synchronized void opening(int round, boolean alone) {
        markOthersShared(round);
        boolean measurable = ManagementFactory.getThreadMXBean().isThreadCpuTimeSupported();
        meters.put(round, new Meter(carriers(), !alone || !measurable));
        while (meters.size() > Supervisor.MAX_ROUNDS) {
            meters.remove(meters.keySet().stream().min(Integer::compare).orElseThrow());
        }
    }

    /** A virtual worker starts (of this round, 0 for none): every other open round now shares the carriers. */
    synchronized void virtualStarting(int round) {
        markOthersShared(round);
    }

    private void markOthersShared(int round) {
        for (Map.Entry<Integer, Meter> e : meters.entrySet()) {
            if (e.getKey() != round && e.getValue().cpu < 0) {
                e.getValue().shared = true;
            }
        }
    }

    /** The round's last virtual worker has ended: the carriers' CPU since its start is its CPU. */
    synchronized void closed(int round) {
        Meter m = meters.get(round);
        if (m == null) {
            return;
        }
        m.closed = true;
        if (m.shared) {
            return;
        }
        long cpu = 0;
        for (Map.Entry<Long, Long> e : carriers().entrySet()) {
            // a carrier born during the round did all its work in it; one that ended (idle for long) loses
            // what it did in the round, which is nothing or next to it: carriers end only after idling
            cpu += e.getValue() - m.start.getOrDefault(e.getKey(), 0L);
        }
        // two last workers ending at once both close it: the later reading is the whole round's
        m.cpu = Math.max(m.cpu, Math.max(0, cpu));
    }

    /**
     * The CPU of every virtual round whose last worker has ended, by round id; -1 for one that could
     * not be measured (it shared the carriers). A round still running is absent.
     */
    synchronized Map<Integer, Long> measured() {
        Map<Integer, Long> out = new HashMap<>();
        for (Map.Entry<Integer, Meter> e : meters.entrySet()) {
            if (e.getValue().closed) {
                out.put(e.getKey(), e.getValue().shared ? -1 : e.getValue().cpu);
            }
        }
        return out;
    }

    /** Every carrier thread's CPU so far, by thread id; empty when there are none or the JVM cannot say. */
    private static Map<Long, Long> carriers() {
        Map<Long, Long> out = new HashMap<>();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!mx.isThreadCpuTimeSupported()) {
            return out;
        }
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all = new Thread[root.activeCount() * 2 + 16];
        int n = root.enumerate(all, true);
        for (int i = 0; i < n; i++) {
            if (all[i].getClass().getName().equals(CARRIER)) {
                @SuppressWarnings("deprecation") // threadId() is Java 19+; the build targets 17
                long id = all[i].getId();
                long cpu = mx.getThreadCpuTime(id);
                if (cpu >= 0) {
                    out.put(id, cpu);
                }
            }
        }
        return out;
    }
}
