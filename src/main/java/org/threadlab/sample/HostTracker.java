package org.threadlab.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns successive host readings into per-core utilisation (tick deltas) with a history per core. */
final class HostTracker {
    private final HostReading.Source source;
    private final Map<Integer, long[]> previous = new HashMap<>();
    private final Map<Integer, Ring> rings = new HashMap<>();
    private long previousNanos;

    HostTracker(HostReading.Source source) {
        this.source = source;
    }

    HostSample sample() {
        long now = System.nanoTime();
        HostReading r = source.read();
        java.time.Duration window = previousNanos == 0 ? null : java.time.Duration.ofNanos(now - previousNanos);
        previousNanos = now;
        List<CoreSample> cores = new ArrayList<>(r.coreIds().length);
        for (int i = 0; i < r.coreIds().length; i++) {
            cores.add(core(r.coreIds()[i], r.coreTicks()[i], r.iowaitKnown()));
        }
        CoreSample total = core(-1, r.totalTicks(), r.iowaitKnown());
        return new HostSample(r.hostName(), r.uptime(), r.load(), cores, total, r.memoryUsed(), r.memoryTotal(),
                r.swapUsed(), r.swapTotal(), window, now);
    }

    private CoreSample core(int id, long[] ticks, boolean iowaitKnown) {
        long[] prev = previous.put(id, ticks.clone());
        Ring ring = rings.computeIfAbsent(id, k -> new Ring());
        double nan = Double.NaN;
        if (prev == null) {
            return new CoreSample(id, nan, nan, nan, nan, nan, ring.history());
        }
        long[] d = new long[8];
        long sum = 0;
        for (int i = 0; i < 8; i++) {
            d[i] = Math.max(0, ticks[i] - prev[i]);
            sum += d[i];
        }
        if (sum == 0) {
            return new CoreSample(id, nan, nan, nan, nan, nan, ring.history());
        }
        double t = sum;
        double iowait = iowaitKnown ? d[4] / t : nan;
        double idle = d[3] / t;
        double util = 1 - idle - (iowaitKnown ? iowait : d[4] / t);
        ring.add(util);
        // steal (d[7]) counts as busy: the core was not ours, but not idle either
        return new CoreSample(id, (d[0] + d[1]) / t, (d[2] + d[5] + d[6]) / t, iowait, idle, util, ring.history());
    }
}
