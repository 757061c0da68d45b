package org.threadlab.record;

import java.time.Duration;
import java.time.Instant;

/**
 * Line 1 of a recording: what wrote it, where and when.
 *
 * @param version   the format version, "MAJOR.MINOR" (see {@link Format})
 * @param threadlab the threadlab version that wrote it ("unknown" outside a built jar)
 * @param command   what was recorded: ui, run, compare
 * @param interval  the sampling interval at the start
 */
public record Header(String version, String threadlab, String host, int cores, Instant start, String command,
                     Duration interval) {}
