package org.threadlab.model;

import java.time.Duration;
import java.time.Instant;
import org.threadlab.worker.RoundInfo;

/**
 * A round as measured: workers started together (one {@code 4t}, one {@code p}, one lesson step), from
 * the request until its last worker ended. Every figure comes from the measurement (the workers' own
 * CPU time, the sampler's host readings over the same window), never from what was asked.
 *
 * @param info         what was asked for: kind, count, workload, GIL, when
 * @param endedAt      when its last worker ended; null while it runs
 * @param wall         from the request to the last end (so far, while it runs)
 * @param cpuNanos     CPU time its workers used (a process: the whole child, and the processes it started);
 *                     while it runs, so far as the sampler's ticks measured it (a thread's task CPU, a
 *                     process's CPU time), replaced by the workers' own figures at its end; -1 while not
 *                     known (no tick yet; a running round of virtual threads, whose CPU only their
 *                     carriers can say once it ends)
 * @param coresBusy    cpuNanos over wall: how many cores its workers kept busy on average (while it runs,
 *                     over the time from its request to the last tick counted); NaN while not known
 * @param othersCores  cores other processes (not threadlab nor its children) kept busy on average over the
 *                     same window, from the host's ticks; NaN when no tick covered it
 * @param runnable     how many of its workers' threads wanted a core, on average: at each tick while it ran, the
 *                     count of its threads the kernel had in state R (running or waiting for a core), averaged
 *                     over the ticks that read any of them. Beside {@code coresBusy} (the cores it got) it tells
 *                     a round that did not want the cores (sleepers, near 0) from one that wanted them and did
 *                     not get them (starved by other processes: about its worker count, though its cores busy
 *                     is low). NaN when no tick read its threads (virtual threads, a round shorter than a tick)
 * @param hostCores    the cores the machine has
 * @param finished     workers that ended by finishing their work
 * @param failed       workers that failed (a crash, a non-zero exit)
 * @param stopped      workers that were terminated, killed or cancelled
 * @param peakMemory   the most memory its workers held at once (processes: their RSS summed; threads: what
 *                     they allocated), -1 when not measured
 * @param peakThreads  the most OS threads its workers had at once (a child JVM's every thread), -1 when not measured
 * @param baseline     the id of the round it is compared with (0 for none)
 * @param speedup      how many times the baseline's work per second it did: count x baseline's wall / wall
 *                     when the workload and parameters match; NaN when there is no baseline or it is running.
 *                     A plain ratio of times: against a baseline that had it worse (more load beside it, its
 *                     one worker short of a core: {@link RoundVerdict#flattered}) it flatters the round, and
 *                     the verdict and the screen give the ratio of the walls instead
 * @param verdict      one line written from the figures (null while it runs)
 */
public record Round(RoundInfo info, Instant endedAt, Duration wall, long cpuNanos, double coresBusy, double othersCores,
                   double runnable, int hostCores, int finished, int failed, int stopped, long peakMemory,
                   int peakThreads, int baseline, double speedup, String verdict) {

    /** As measured before the runnable count was kept (a fixture, a recording of format 1.1): not measured. */
    public Round(RoundInfo info, Instant endedAt, Duration wall, long cpuNanos, double coresBusy, double othersCores,
                 int hostCores, int finished, int failed, int stopped, long peakMemory, int peakThreads, int baseline,
                 double speedup, String verdict) {
        this(info, endedAt, wall, cpuNanos, coresBusy, othersCores, Double.NaN, hostCores, finished, failed, stopped,
                peakMemory, peakThreads, baseline, speedup, verdict);
    }

    public int id() {
        return info.id();
    }

    public boolean running() {
        return endedAt == null;
    }
}
