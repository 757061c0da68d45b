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

    /** Not thread-safe: one reader per polling thread. */
    public static final class Reader {
        private final ProcFiles files = new ProcFiles();

        public ProcessFootprint read(long pid) {
            if (ProcFiles.AVAILABLE) {
                if (!files.read("/proc/" + pid + "/stat")) {
                    return UNKNOWN;
                }
                TaskStat st = TaskStat.parse(files.buffer(), files.length());
                return st == null ? UNKNOWN : new ProcessFootprint(st.rssPages() * SystemConstants.PAGE_SIZE, st.numThreads());
            }
            try {
                oshi.software.os.OSProcess p = new oshi.SystemInfo().getOperatingSystem().getProcess((int) pid);
                return p == null ? UNKNOWN : new ProcessFootprint(p.getResidentSetSize(), p.getThreadCount());
            } catch (Throwable e) {
                return UNKNOWN;
            }
        }
    }
}
