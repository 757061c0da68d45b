package org.threadlab.bench;

import java.util.List;

/**
 * One figure of {@code threadlab bench}: something threadlab costs, measured against a reference
 * in the same run (the machines are shared and noisy: only ratios compare across runs). Adding a
 * figure is adding one class and one line in {@link Figures}.
 */
public interface Figure {
    /** Stable id for {@code --only}: "sampler", "spawn", "frame"... (a figure may give several rows, "sampler-10"...). */
    String id();

    /** One line for {@code --list}: what it measures and against what. */
    String summary();

    /**
     * Measures it and returns its rows. A missing reference gives a skipped row (or a row whose ratio
     * is skipped), never an exception; an exception means the measurement itself broke.
     */
    List<BenchRow> measure(BenchContext context) throws Exception;
}
