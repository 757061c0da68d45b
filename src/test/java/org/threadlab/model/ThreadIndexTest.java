package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.ProcessSample;
import org.threadlab.sample.ThreadSample;

/** The index by TID finds exactly what a map by TID finds: every thread, in any order, nothing else. */
class ThreadIndexTest {
    private static ThreadSample thread(long tid) {
        return new ThreadSample(tid, "t" + tid, "S", 0, 0, 0, 0, 0, 0, null);
    }

    private static ProcessSample process(List<ThreadSample> threads) {
        return new ProcessSample(4242, 1, "java", "S", 0, Duration.ZERO, Duration.ZERO, 0, -1, threads.size(),
                Instant.EPOCH, "self", threads, null);
    }

    @Test
    void findsEveryThreadAsAMapWould() {
        Random r = new Random(13);
        List<ThreadSample> threads = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            threads.add(thread(1 + r.nextInt(4_194_304)));
        }
        threads.add(thread(4242));
        threads.add(thread(4242)); // listed twice: the later one, as a map's put keeps
        threads.add(thread(0));
        threads.add(thread(1L << 45)); // beyond any pid_max: still found
        Collections.shuffle(threads, r);
        Map<Long, ThreadSample> map = new HashMap<>();
        for (ThreadSample t : threads) {
            map.put(t.tid(), t);
        }
        ThreadIndex index = new ThreadIndex(process(threads));
        for (ThreadSample t : threads) {
            if (t.tid() > 0) {
                assertSame(map.get(t.tid()), index.get(t.tid()), "tid " + t.tid());
            }
        }
        for (int i = 0; i < 10_000; i++) {
            long tid = 1 + r.nextInt(4_194_304);
            assertSame(map.get(tid), index.get(tid), "tid " + tid);
        }
        assertNull(index.get(0));
        assertNull(index.get(-1));
        assertNull(ThreadIndex.NONE.get(4242));
        assertNull(new ThreadIndex(process(List.of())).get(1));
    }
}
