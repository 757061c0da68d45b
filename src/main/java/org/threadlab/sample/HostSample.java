package org.threadlab.sample;

import java.time.Duration;
import java.util.List;

/**
 * The machine: per-core utilisation from tick deltas, memory, swap, load, uptime.
 *
 * @param load      1, 5 and 15 minute load averages; negative where the system does not give them
 * @param total     all cores together (id -1)
 * @param window    the time between this read and the previous one, which the core figures are over;
 *                  null on the first read
 * @param readNanos {@link System#nanoTime()} when it was read, to time a later read against; 0 unknown
 */
public record HostSample(String hostName, Duration uptime, double[] load, List<CoreSample> cores, CoreSample total,
                         long memoryUsedBytes, long memoryTotalBytes, long swapUsedBytes, long swapTotalBytes,
                         Duration window, long readNanos) {

    /** Nothing known yet: a sampler whose very first tick failed. */
    public static final HostSample UNKNOWN = new HostSample("?", Duration.ZERO, new double[] {-1, -1, -1}, List.of(),
            new CoreSample(-1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, History.EMPTY), -1, -1, -1, -1);

    public HostSample {
        load = load.clone();
        cores = List.copyOf(cores);
    }

    /** Without a measured window. */
    public HostSample(String hostName, Duration uptime, double[] load, List<CoreSample> cores, CoreSample total,
                      long memoryUsedBytes, long memoryTotalBytes, long swapUsedBytes, long swapTotalBytes) {
        this(hostName, uptime, load, cores, total, memoryUsedBytes, memoryTotalBytes, swapUsedBytes, swapTotalBytes,
                null, 0);
    }

    @Override
    public double[] load() {
        return load.clone();
    }
}
