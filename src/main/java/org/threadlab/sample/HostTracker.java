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
    private int runnable = -1;

    HostTracker(HostReading.Source source) {
        this.source = source;
    }

    HostSample sample() {
        long now = System.nanoTime();
        HostReading r = source.read();
        runnable = r.runnable();
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

    /** The host's threads runnable at the last read, the reader included; -1 unknown ({@link HostReading#runnable}). */
    int runnable() {
        return runnable;
    }

    private CoreSample core(int id, long[] ticks, boolean iowaitKnown) {
        // the last ticks are kept in an array of their own, overwritten each read (not a copy a core a tick)
        long[] prev = previous.get(id);
        if (prev == null) {
            previous.put(id, ticks.clone());
        }
        Ring ring = rings.computeIfAbsent(id, k -> new Ring());
        double nan = Double.NaN;
        if (prev == null) {
            return new CoreSample(id, nan, nan, nan, nan, nan, ring.history());
        }
        long user = 0;
        long system = 0;
        long idle = 0;
        long iowait = 0;
        long sum = 0;
        for (int i = 0; i < 8; i++) {
            long d = Math.max(0, ticks[i] - prev[i]);
            prev[i] = ticks[i];
            sum += d;
            switch (i) {
                case 0, 1 -> user += d;
                case 2, 5, 6 -> system += d;
                case 3 -> idle = d;
                case 4 -> iowait = d;
                default -> { } // steal (7) counts as busy: the core was not ours, but not idle either
            }
        }
        if (sum == 0) {
            return new CoreSample(id, nan, nan, nan, nan, nan, ring.history());
        }
        double t = sum;
        double io = iowaitKnown ? iowait / t : nan;
        double idleShare = idle / t;
        double util = 1 - idleShare - iowait / t;
        ring.add(util);
        return new CoreSample(id, user / t, system / t, io, idleShare, util, ring.history());
    }
}
