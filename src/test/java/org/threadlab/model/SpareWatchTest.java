package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threadlab.worker.SparePool;

/** Warm spares are measured like children (their memory counts), under roles of their own: never as workers. */
class SpareWatchTest {

    @Test
    void sparesAreWatchedAfterTheWorkersWithTheirOwnRoles() {
        List<SparePool.SpareInfo> spares = List.of(new SparePool.SpareInfo(11, true, Instant.EPOCH),
                new SparePool.SpareInfo(12, false, Instant.EPOCH));
        Map<Long, String> watched = ModelHub.watchList(List.of(), spares).processes();
        assertEquals(Map.of(11L, ModelHub.SPARE, 12L, ModelHub.SPARE_STARTING), watched);
        assertEquals(List.of(11L, 12L), List.copyOf(watched.keySet()));
    }
}
