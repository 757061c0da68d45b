package org.threadlab.sample;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the fine timeline follows: per PID, which of its threads. Whoever owns the workers says so (the
 * model), so the slice sampler knows nothing of workers.
 *
 * @param threadsByPid PID to the TIDs to follow, in the order to show them; an empty set follows every
 *                     thread of that process (an exec'd program, an attached PID)
 * @param javaIdByTid  native TID to Java thread id for threadlab's own threads, whose CPU clock and Java
 *                     state can be read exactly
 */
public record SliceWatch(Map<Long, Set<Long>> threadsByPid, Map<Long, Long> javaIdByTid) {
    public static final SliceWatch NOTHING = new SliceWatch(Map.of(), Map.of());

    public SliceWatch {
        threadsByPid = Collections.unmodifiableMap(new LinkedHashMap<>(threadsByPid));
        javaIdByTid = Map.copyOf(javaIdByTid);
    }

    public boolean isEmpty() {
        return threadsByPid.isEmpty();
    }
}
