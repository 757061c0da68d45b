package org.threadlab.model;

import java.util.List;

/**
 * One row of a timeline: a worker (a thread here, or a child process as a whole), or one thread of an
 * exec'd or attached program.
 *
 * @param key      one character that stands for this lane in the per-core rows ("A", "B"...)
 * @param label    what the row is called on screen ("#3 cpu", "python3 12345")
 * @param workerId the worker it shows; 0 for a thread of a watched program that is no worker
 * @param pid      its process
 * @param tid      its thread; 0 for a child process shown as a whole
 * @param cells    one per slice, oldest first, as many as the timeline's {@code slices}
 */
public record Lane(char key, String label, int workerId, long pid, long tid, List<Cell> cells) {
    public Lane {
        cells = List.copyOf(cells);
    }
}
