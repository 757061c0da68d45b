package org.threadlab.work;

import java.nio.file.Path;
import java.util.Locale;
import org.threadlab.shared.Counter;
import org.threadlab.shared.MappedCounter;
import org.threadlab.shared.SharedState;

/**
 * Increments a shared counter {@code increments} times. Where the counter lives decides the
 * lesson: this JVM's heap (threads share it; a child process has its own copy), or a memory-mapped
 * file (processes share it). How it is incremented decides whether updates get lost.
 */
public final class CounterWork implements Workload {
    private static final int STEP = 1024;

    private final Counter.Mode mode;
    private final long increments;
    private final String group;
    private final Path file;

    /** @param file the shared-memory file, or null for this JVM's own counter */
    public CounterWork(Counter.Mode mode, long increments, String group, Path file) {
        this.mode = mode;
        this.increments = increments;
        this.group = group;
        this.file = file;
    }

    @Override
    public String run(WorkContext ctx) throws InterruptedException {
        MappedCounter mapped = file == null ? null : new MappedCounter(file);
        Counter counter = mapped != null ? mapped : SharedState.counter(group);
        long steps = (increments + STEP - 1) / STEP;
        try {
            ctx.progress(0, steps);
            for (long i = 0; i < increments; i++) {
                if (i % STEP == 0) {
                    ctx.checkCancelled();
                    ctx.cpuCheckpoint();
                    ctx.progress(i / STEP, steps);
                }
                counter.increment(mode);
            }
            ctx.releaseCpu();
            ctx.progress(steps, steps);
            return "incremented " + increments + " times (" + mode.name().toLowerCase(Locale.ROOT) + ", "
                    + (mapped != null ? "shared memory" : "this process's memory") + "); the counter here now reads " + counter.get();
        } finally {
            ctx.releaseCpu();
            if (mapped != null) {
                mapped.close();
            }
        }
    }
}
