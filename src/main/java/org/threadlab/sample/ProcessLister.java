package org.threadlab.sample;

/**
 * Reads every process on the machine, once a call: the all-processes view's source. On Linux
 * {@link ProcLister} reads /proc; another platform puts its own behind this (OSHI's
 * {@code getProcesses()}), so the sampler and the view do not change.
 */
public interface ProcessLister extends AutoCloseable {
    /**
     * Every process now, each one's CPU% over the time since the previous call (NaN at a process's
     * first). Never throws: a reading that fails comes back with {@link ProcessTable#error()} set.
     */
    ProcessTable read();

    /** Forgets what it kept from the previous call (the view closed): it then keeps nothing at all. */
    @Override
    void close();

    /** A lister for where there is none: says so, every call. */
    static ProcessLister unavailable(String why) {
        return new ProcessLister() {
            @Override
            public ProcessTable read() {
                return ProcessTable.failed(why);
            }

            @Override
            public void close() {}
        };
    }
}
