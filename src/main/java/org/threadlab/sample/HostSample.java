package org.threadlab.sample;

import java.time.Duration;
import java.util.List;

/**
 * The machine: per-core utilisation from tick deltas, memory, swap, load, uptime.
 *
 * @param load  1, 5 and 15 minute load averages; negative where the system does not give them
 * @param total all cores together (id -1)
 */
public record HostSample(String hostName, Duration uptime, double[] load, List<CoreSample> cores, CoreSample total,
                         long memoryUsedBytes, long memoryTotalBytes, long swapUsedBytes, long swapTotalBytes) {

    public HostSample {
        load = load.clone();
        cores = List.copyOf(cores);
    }

    @Override
    public double[] load() {
        return load.clone();
    }
}
