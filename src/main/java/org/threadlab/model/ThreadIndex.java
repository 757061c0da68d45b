package org.threadlab.model;

import java.util.HashMap;
import java.util.Map;
import org.threadlab.sample.ProcessSample;
import org.threadlab.sample.ThreadSample;

/**
 * One process's threads by TID, made once per measurement: joining 10,000 thread workers to threadlab's
 * 10,000 threads is then one lookup each, not a scan of every thread for every worker (O(N²): seconds a
 * tick at 10,000).
 */
final class ThreadIndex {
    static final ThreadIndex NONE = new ThreadIndex(null);

    private final ProcessSample process;
    private final Map<Long, ThreadSample> byTid;

    ThreadIndex(ProcessSample process) {
        this.process = process;
        this.byTid = new HashMap<>(process == null ? 0 : process.threads().size() * 2);
        if (process != null) {
            for (ThreadSample t : process.threads()) {
                byTid.put(t.tid(), t);
            }
        }
    }

    /** The process indexed, or null. */
    ProcessSample process() {
        return process;
    }

    /** Its thread with this TID, or null. */
    ThreadSample get(long tid) {
        return tid <= 0 ? null : byTid.get(tid);
    }
}
