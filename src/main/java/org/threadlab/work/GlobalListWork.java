package org.threadlab.work;

import java.time.Duration;
import java.util.List;
import org.threadlab.shared.SharedState;

/**
 * Appends {@code items} results to a global list. Threads append to the one list of threadlab's
 * JVM; a child process appends to its own copy, and the parent's list stays empty.
 */
public final class GlobalListWork implements Workload {
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
}
