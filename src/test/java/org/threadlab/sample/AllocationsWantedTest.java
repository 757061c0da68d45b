package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Java threads' allocated bytes are read only while someone shows or keeps them: a watched Java
 * thread (a thread worker's memory column), a recording or a snapshot (every figure); a screen with no
 * thread worker spares the bulk call, and its threads' allocations read -1 (unknown), never a made-up 0.
 */
class AllocationsWantedTest {

    /** The Java samples joined to threadlab's own native threads in one tick. */
    private static List<JavaThreadSample> ownJava(Measurement m) {
        return m.process(m.selfPid()).orElseThrow().threads().stream()
                .map(ThreadSample::java).filter(j -> j != null).toList();
    }

    @Test
    void readOnlyWhileAJavaThreadIsWatchedOrEveryFigureIs() {
        long me = Thread.currentThread().getId();
        try (Sampler sampler = new Sampler(Duration.ofSeconds(1))) {
            // a screen with no thread worker: the selected thread's switches only, no Java thread watched
            sampler.watch(WatchList.pids(List.of()).switchesOf(Set.of()));
            Measurement plain = sampler.sampleNow();
            assertFalse(ownJava(plain).isEmpty(), "the own threads still join their Java threads (names, states)");
            assertTrue(ownJava(plain).stream().allMatch(j -> j.allocatedBytes() == -1), "not read: unknown");

            // a thread worker watched: its allocations are read
            sampler.watch(new WatchList(Map.of(), Map.of(), Set.of(me)).switchesOf(Set.of()));
            Measurement watched = sampler.sampleNow();
            assertTrue(watched.javaThreads().get(me).allocatedBytes() > 0, "this thread has allocated");

            // every figure (a recording, a snapshot): every Java thread's
            sampler.watch(WatchList.pids(List.of()));
            Measurement every = sampler.sampleNow();
            assertTrue(ownJava(every).stream().anyMatch(j -> j.allocatedBytes() > 0));
        }
        assertEquals(false, Sampler.allocationsWanted(WatchList.NOTHING.switchesOf(Set.of())));
        assertEquals(true, Sampler.allocationsWanted(WatchList.NOTHING));
    }
}
