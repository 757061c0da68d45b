package org.threadlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.threadlab.ui.FrameBench;

/**
 * One frame of the screen at 200x60 with 1,000 thread workers (model to Lanterna screen to the bytes
 * for the terminal), issue 13: under 5 ms; the timeline and rounds panes in the tables' place too.
 */
public final class FrameFigure implements Figure {
    static final int COLS = 200;
    static final int ROWS = 60;
    static final int WORKERS = 1_000;
    static final double LIMIT_MS = 5;

    @Override
    public String id() {
        return "frame";
    }

    @Override
    public String summary() {
        return "one frame at 200x60 with 1,000 worker rows (model to terminal bytes; the timeline and rounds panes too): < 5 ms";
    }

    @Override
    public List<BenchRow> measure(BenchContext context) throws Exception {
        // the JIT needs about a thousand frames before a frame costs what it will
        int warmup = context.quick() ? 50 : 1_500;
        int frames = context.quick() ? 10 : 500;
        List<BenchRow> rows = new ArrayList<>();
        String[] ids = {"frame", "frame-timeline", "frame-rounds"};
        String[] what = {"one frame at 200x60, 1,000 worker rows", "one frame at 200x60, timeline pane, 1,000 workers",
                "one frame at 200x60, rounds pane, 1,000 workers"};
        FrameBench.View[] views = {FrameBench.View.TABLES, FrameBench.View.TIMELINE, FrameBench.View.ROUNDS};
        for (int i = 0; i < views.length; i++) {
            context.say("bench frame: " + what[i] + "…");
            FrameBench.Result r = FrameBench.run(COLS, ROWS, WORKERS, views[i], warmup, frames);
            // the CPU the drawing thread spent: on a shared machine the wall time adds the waits for a core
            BenchRow row = BenchRow.below(ids[i], what[i], Amount.ms(r.cpuMedian()), LIMIT_MS, String.format(Locale.ROOT,
                    "CPU a frame, median of %d: p90 %.2f ms, max %.2f ms; wall median %.2f ms, p90 %.2f ms, max %.2f ms;"
                            + " %.0f bytes a frame", frames, r.cpuP90(), r.cpuMax(), r.median(), r.p90(), r.max(),
                    r.bytes() / (double) frames));
            rows.add(context.quick() ? row.withNote("quick run: the JIT is not warm yet, the figure means little") : row);
        }
        return rows;
    }
}
