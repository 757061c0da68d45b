package org.threadlab.work;

import java.time.Duration;
import java.util.List;
import org.threadlab.shared.SharedState;

/**
 * Appends {@code items} results to a global list. Threads append to the one list of threadlab's
 * JVM; a child process appends to its own copy, and the parent's list stays empty.
 */
public final class GlobalListWork implements Workload {
    public static final Param<Integer> ITEMS = Param.count("items", "5", 1_000_000, "results each worker appends");
    public static final Param<Duration> PAUSE = Param.pause("pause", "20ms", "pause between appends");

    private final int items;
    private final String group;
    private final Duration pause;

    public GlobalListWork(int items, String group, Duration pause) {
        this.items = items;
        this.group = group;
        this.pause = pause;
    }

    @Override
    public String run(WorkContext ctx) throws InterruptedException {
        List<String> global = SharedState.list(group);
        ctx.progress(0, items);
        for (int i = 0; i < items; i++) {
            ctx.checkCancelled();
            global.add(ctx.workerName() + ":" + i + "=" + ((long) i * i));
            ctx.progress(i + 1, items);
            if (!pause.isZero()) {
                ctx.sleep(pause);
            }
        }
        return "appended " + items + " results; the global list here now has " + global.size() + " items";
    }

    /** The {@code global} workload's descriptor. */
    public static final class Type extends WorkloadType {
        @Override public String name() { return "global"; }
        @Override public String summary() { return "appends results to a global list"; }
        @Override public String shows() { return "appends results to a global list: shared by threads, a private copy in each process"; }
        @Override public List<Param<?>> params() { return List.of(ITEMS, PAUSE, CounterWork.GROUP); }

        @Override
        public SharedRound sharedRound(TypedSpec spec) {
            return new SharedRound("global", spec.get(CounterWork.GROUP), false, null, spec.get(ITEMS));
        }

        @Override
        public Workload create(TypedSpec spec, PoolMember.Launcher launcher, boolean inChildProcess) {
            return new GlobalListWork(spec.get(ITEMS), spec.get(CounterWork.GROUP), spec.get(PAUSE));
        }
    }
}
