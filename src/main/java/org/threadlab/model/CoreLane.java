package org.threadlab.model;

import java.util.List;

/**
 * One core's row of a timeline: which lane held it in each slice.
 *
 * @param holders per slice, oldest first, the index in {@link Timeline#lanes()} of the lane that spent
 *                the most of that slice on this core; -1 when none of the lanes ran on it
 */
public record CoreLane(int core, List<Integer> holders) {
    public CoreLane {
        holders = List.copyOf(holders);
    }
}
