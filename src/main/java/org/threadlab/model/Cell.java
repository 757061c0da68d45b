package org.threadlab.model;

/**
 * One thread's (or worker's) slice of a timeline.
 *
 * @param core     the core it ran on (RUNNING, GIL_HELD), else the last known; -1 when unknown
 * @param cpuShare the fraction of the slice it spent on a core (0..1; a process of several threads may
 *                 read more than 1); NaN when not measured
 */
public record Cell(CellState state, int core, double cpuShare) {
    public static final Cell NONE = new Cell(CellState.NONE, -1, Double.NaN);
}
