package org.threadlab.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one sampler tick measured, immutable: the host and the watched processes, read back to back.
 * A tick that failed is published too, with {@code error} set, so whoever shows it can say so.
 *
 * @param seq         1, 2, 3... per sampler
 * @param interval    the sampling interval in force when this was taken
 * @param selfPid     threadlab's own PID
 * @param host        the machine; on a failed tick the last good reading (or {@link HostSample#UNKNOWN})
 * @param processes   threadlab itself first, then the watched PIDs in their order; empty on a failed tick
 * @param javaThreads the JVM's readings of the Java threads the watch list asked for, by Java thread id
 * @param readNanos   {@link System#nanoTime()} when the tick started, to time a later one against
 * @param error       null when the tick worked; else why it failed, in a few words
 * @param table       every process on the machine, read only while the watch list asks for it
 *                    ({@link WatchList#everyProcess()}); null otherwise and on a failed tick
 */
public record Measurement(long seq, Instant takenAt, Duration interval, long selfPid, HostSample host,
                          List<ProcessSample> processes, Map<Long, JavaThreadSample> javaThreads, long readNanos,
                          String error, ProcessTable table) {

    public Measurement {
        processes = List.copyOf(processes);
        javaThreads = Map.copyOf(javaThreads);
    }

    /** Without the process table. */
    public Measurement(long seq, Instant takenAt, Duration interval, long selfPid, HostSample host,
                       List<ProcessSample> processes, Map<Long, JavaThreadSample> javaThreads, long readNanos, String error) {
        this(seq, takenAt, interval, selfPid, host, processes, javaThreads, readNanos, error, null);
    }

    public Optional<ProcessSample> process(long pid) {
        for (ProcessSample p : processes) {
            if (p.pid() == pid) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public boolean failed() {
        return error != null;
    }
}
