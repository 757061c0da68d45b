package org.threadlab.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * threadlab's own CPU with its screen open (the whole JVM, every thread: UI, sampler, model, JIT, GC),
 * at a 1 s interval, against {@code htop -d 10} in a terminal of the same size over the same window
 * (issue 13: <= 0.5x htop and < 1 % of a core), with no workers and with 100 sleeping thread workers.
 * Two threadlab screens run side by side with htop, the second given 100 sleepers with keys (w, 100t);
 * after a warm-up all three are read over one window.
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
        context.say("bench ui-cpu: starting two threadlab screens and htop in tmux…");
        try (SideBySide all = SideBySide.start(tmux.get(), htop, 2)) {
            context.say("bench ui-cpu: starting 100 sleeping thread workers in the second screen…");
            all.spawnSleepers(1, 100);
            // warm-up: the JIT compiles the screens' code over their first minute, and a round's stopwatch
            // shows tenths (ten frames a second) for its first minute; the window is the steady state after
            context.say("bench ui-cpu: warm-up…");
            Thread.sleep(quick ? 2_000 : 65_000);
            context.say("bench ui-cpu: measuring both screens and htop…");
            SideBySide.Window w = all.window(quick ? 3 : 30);
            return List.of(row("ui-cpu-0", 0, w.seconds(), w.threadlabPercent()[0], w.htopPercent(), htop, all.started),
                    row("ui-cpu-100", 100, w.seconds(), w.threadlabPercent()[1], w.htopPercent(), htop, all.started));
        }
    }

    private static String figure(int workers) {
        return "threadlab's own CPU, screen open, 1 s interval, " + (workers == 0 ? "no workers" : workers + " sleeping thread workers");
    }

    /** The ratio decides with htop; the absolute part (< 1 % of a core) fails the row by itself, and is all there is without htop. */
    static BenchRow row(String id, int workers, double seconds, double percent, double htopPercent, Optional<Path> htop, String started) {
        Amount measured = Amount.percentOfCore(percent);
        BenchRow r = BenchRow.ratio(id, figure(workers), measured, REFERENCE,
                htop.isPresent() ? Amount.percentOfCore(htopPercent) : null, MAX_RATIO, References.missing("htop") + ": ratio skipped");
        boolean absolute = percent < MAX_PERCENT;
        Outcome o = !absolute ? Outcome.FAIL : r.outcome();
        return r.withOutcome(o, TARGET).withNote(String.format(Locale.ROOT, "%.0f s window; %s %s 1 %%core; %s",
                seconds, measured.text(), absolute ? "<" : ">=", started));
    }
}
