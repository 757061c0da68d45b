package org.threadlab.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * threadlab's own CPU with its screen open (the whole JVM, every thread: UI, sampler, model, JIT, GC),
 * at a 1 s interval, against {@code htop -d 10} in a terminal of the same size over the same window
 * (issue 13: <= 0.5x htop and < 1 % of a core), with no workers and with 100 sleeping thread workers.
 * One threadlab runs both rows: warm-up, window; 100 sleepers started with keys; warm-up, window.
 */
public final class UiCostFigure implements Figure {
    static final double MAX_RATIO = 0.5;
    static final double MAX_PERCENT = 1.0;
    static final String TARGET = "<= 0.5x and < 1 %core";
    private static final String REFERENCE = "htop -d 10, same terminal size, same window";

    @Override
    public String id() {
        return "ui-cpu";
    }

    @Override
    public String summary() {
        return "threadlab's own CPU, screen open at 1 s, no workers and 100 sleeping threads, against htop -d 10 in a same-size tmux";
    }

    @Override
    public List<BenchRow> measure(BenchContext context) throws Exception {
        Optional<Path> tmux = context.references().find("tmux");
        if (tmux.isEmpty()) {
            String why = References.missing("tmux") + ": no terminal to open the screen in";
            return List.of(BenchRow.skipped("ui-cpu-0", figure(0), REFERENCE, TARGET, why),
                    BenchRow.skipped("ui-cpu-100", figure(100), REFERENCE, TARGET, why));
        }
        Optional<Path> htop = context.references().find("htop");
        boolean quick = context.quick();
        context.say("bench ui-cpu: starting threadlab and htop in tmux…");
        try (SideBySide both = SideBySide.start(tmux.get(), htop)) {
            // the JIT compiles the screen's code over its first minute (docs/PERFORMANCE.md): the window comes after
            context.say("bench ui-cpu: no workers, warm-up…");
            Thread.sleep(quick ? 2_000 : 40_000);
            context.say("bench ui-cpu: no workers, measuring…");
            SideBySide.Window idle = both.window(quick ? 3 : 30);
            context.say("bench ui-cpu: starting 100 sleeping thread workers…");
            both.spawnSleepers(100);
            Thread.sleep(quick ? 2_000 : 15_000);
            context.say("bench ui-cpu: 100 sleeping workers, measuring…");
            SideBySide.Window sleepers = both.window(quick ? 3 : 30);
            return List.of(row("ui-cpu-0", 0, idle, htop, both.started), row("ui-cpu-100", 100, sleepers, htop, both.started));
        }
    }

    private static String figure(int workers) {
        return "threadlab's own CPU, screen open, 1 s interval, " + (workers == 0 ? "no workers" : workers + " sleeping thread workers");
    }

    /** The ratio decides with htop; the absolute part (< 1 % of a core) fails the row by itself, and is all there is without htop. */
    static BenchRow row(String id, int workers, SideBySide.Window w, Optional<Path> htop, String started) {
        Amount measured = Amount.percentOfCore(w.threadlabPercent());
        BenchRow r = BenchRow.ratio(id, figure(workers), measured, REFERENCE,
                htop.isPresent() ? Amount.percentOfCore(w.htopPercent()) : null, MAX_RATIO, References.missing("htop") + ": ratio skipped");
        boolean absolute = w.threadlabPercent() < MAX_PERCENT;
        Outcome o = !absolute ? Outcome.FAIL : r.outcome();
        return r.withOutcome(o, TARGET).withNote(String.format(Locale.ROOT, "%.0f s window; %s %s 1 %%core; %s",
                w.seconds(), measured.text(), absolute ? "<" : ">=", started));
    }
}
