package org.threadlab.sample;

import java.util.List;

/**
 * Every process on the machine at one tick, in no particular order: what the all-processes view shows.
 *
 * @param rows      one per process that could be read (one that vanished while read is left out)
 * @param costNanos how long the reading took (System.nanoTime), to compare with htop's refresh
 * @param error     null when it was read; else why not, in a few words (the rows are then empty)
 */
public record ProcessTable(List<ProcessRow> rows, long costNanos, String error) {
    public ProcessTable {
        rows = List.copyOf(rows);
    }

    /** A reading that failed. */
    public static ProcessTable failed(String error) {
        return new ProcessTable(List.of(), 0, error);
    }
}
