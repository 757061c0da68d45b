package org.threadlab.sample;

/**
 * What one process weighs right now: resident memory and thread count, from one read of
 * /proc/PID/stat on Linux (OSHI elsewhere). For experiments that poll a few PIDs often, where a full
 * {@link Sampler} tick, with every thread's stat, would cost more than it tells.
 *
 * @param rssBytes -1 when unknown
 * @param threads  -1 when unknown
 */
public record ProcessFootprint(long rssBytes, int threads) {
    public static final ProcessFootprint UNKNOWN = new ProcessFootprint(-1, -1);

    /** Reads footprints from one {@link Platform}; one reader per polling thread. */
    public static final class Reader {
        private final Platform platform;

        /** This machine's. */
        public Reader() {
            this(Platform.system());
        }

        public Reader(Platform platform) {
            this.platform = platform;
        }

        public ProcessFootprint read(long pid) {
            return platform.footprint(pid);
        }
    }
}
