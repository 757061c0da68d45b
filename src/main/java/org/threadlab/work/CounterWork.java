package org.threadlab.work;

import java.util.List;
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
    public static final Param<String> MODE = Param.choice("mode", "how each increment is made: unsafe loses updates, lock and atomic do not",
            "unsafe", "lock", "atomic");
    public static final Param<Integer> INCREMENTS = Param.count("increments", "1000000", 1_000_000_000, "increments per worker");
    public static final Param<String> MEMORY = Param.choice("memory",
            "where a process's counter lives: its own copy, or a memory-mapped file all share", "plain", "shared");
    public static final Param<String> GROUP = Param.name("group", "main", "which shared counter or list");
    /** The round's shared-memory file, set by the supervisor for processes with memory=shared. */
    public static final Param<String> FILE = Param.internalPath("_file");

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

    /** The {@code counter} workload's descriptor. */
    public static final class Type extends WorkloadType {
        @Override public String name() { return "counter"; }
        @Override public String summary() { return "increments a shared counter"; }
        @Override public String shows() { return "a shared counter: lost updates, locks, shared memory between processes"; }
        @Override public List<Param<?>> params() { return List.of(MODE, INCREMENTS, MEMORY, GROUP, FILE); }

        @Override
        public SharedRound sharedRound(TypedSpec spec) {
            return new SharedRound("counter", spec.get(GROUP), "shared".equals(spec.get(MEMORY)), spec.get(MODE), spec.get(INCREMENTS));
        }

        @Override
        public Workload create(TypedSpec spec, PoolMember.Launcher launcher, boolean inChildProcess) {
            String file = spec.get(FILE);
            return new CounterWork(Counter.Mode.valueOf(spec.get(MODE).toUpperCase(Locale.ROOT)), spec.get(INCREMENTS), spec.get(GROUP),
                    file != null ? Path.of(file) : null);
        }
    }
}
