package org.threadlab.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.threadlab.text.Decimals;
import org.threadlab.text.Durations;
import org.threadlab.text.Sizes;
import org.threadlab.text.Words;

/**
 * A round's figures on one line, written in one place for every place that prints them: the round-ended
 * event ({@link #EVENT}), a headless lesson ({@link #LESSON}), {@code threadlab run} ({@link #RUN}) and
 * the screen's result box ({@link #SCREEN}). They differ only in the options below; the head ("round #3
 * ended: 4 threads: ") and where the verdict goes are each place's own.
 *
 * @param form          how times read, and what the screen adds
 * @param coresDecimals decimals of the cores busy (a lesson compares 0.04 with 0.97 cores)
 * @param compare       whether and how the speed-up against the baseline is said
 * @param others        whether the other processes' cores busy are said as a figure
 * @param peaks         whether the round's peak memory and OS threads are said
 */
public record RoundLine(Form form, int coresDecimals, Compare compare, boolean others, boolean peaks) {

    /** How a line writes times, and what else it says by its form. */
    public enum Form {
        /**
         * A text line: "2.05s wall, 2.00s CPU", a figure not known left out; a speed-up that would flatter
         * says why not ("(not like for like)").
         */
        TEXT,
        /**
         * The result box: "wall 2.0 s, cpu 2.0 s" as the rounds pane writes times, "-" for a figure not
         * known (its rows keep their place); the baseline says so, workers that did not finish are counted,
         * and the reason a speed-up would flatter is left to the verdict right under it (four rows at 80x24).
         */
        SCREEN
    }

    /** Whether and how the speed-up against the baseline is said. */
    public enum Compare {
        /** Not said ({@code run} starts one round: there is nothing to compare). */
        NONE,
        /** "1.0x vs #1": before the verdict in the event log, which says what it means. */
        BRIEF,
        /** "speed-up 0.98x vs #1". */
        FULL
    }

    /** "round #3 ended: ...: 2.10s wall, 1.98s CPU, 0.9 of 2 cores busy, 1.0x vs #1 - verdict". */
    public static final RoundLine EVENT = new RoundLine(Form.TEXT, 1, Compare.BRIEF, false, false);
    /** "#2 ...: 4.51s wall, 0.18s CPU, 0.04 of 2 cores busy, speed-up 0.98x vs #1, peak 80M memory, 42 OS threads". */
    public static final RoundLine LESSON = new RoundLine(Form.TEXT, 2, Compare.FULL, false, true);
    /** "round #2: ...: 2.05s wall, 2.00s CPU, 1.0 of 2 cores busy, other processes 1.8, peak 50M memory, 16 OS threads". */
    public static final RoundLine RUN = new RoundLine(Form.TEXT, 1, Compare.NONE, true, true);
    /** "wall 8.1 s, cpu 8.0 s, 1.0 of 2 cores busy, speed-up 0.99x vs #1; 1 failed". */
    public static final RoundLine SCREEN = new RoundLine(Form.SCREEN, 1, Compare.FULL, false, false);

    public RoundLine {
        if (form == null || compare == null || coresDecimals < 0 || coresDecimals > 3) {
            throw new IllegalArgumentException("a round line needs a form, a comparison and 0 to 3 decimals of cores");
        }
    }

    /**
     * The round's figures; {@code rounds} are the rounds it may be compared with (its baseline among them
     * tells whether a speed-up would flatter it, and whether it is itself a baseline).
     */
    public String write(Round r, List<Round> rounds) {
        List<String> parts = new ArrayList<>();
        boolean screen = form == Form.SCREEN;
        if (screen) {
            parts.add("wall " + time(r.wall()));
            parts.add("cpu " + cpu(r));
        } else {
            parts.add(Durations.seconds(r.wall()) + " wall");
            if (r.cpuNanos() >= 0) {
                parts.add(Durations.seconds(Duration.ofNanos(r.cpuNanos())) + " CPU");
            }
        }
        if (screen || !Double.isNaN(r.coresBusy())) {
            parts.add(cores(r.coresBusy(), coresDecimals) + (r.hostCores() > 0 ? " of " + r.hostCores() : "") + " cores busy");
        }
        if (others && !Double.isNaN(r.othersCores())) {
            parts.add("other processes " + cores(r.othersCores()));
        }
        String vs = comparison(r, rounds);
        if (!vs.isEmpty()) {
            parts.add(vs);
        }
        if (peaks && r.peakMemory() >= 0) {
            parts.add(peaks(r));
        }
        String line = String.join(", ", parts);
        if (screen && vs.isEmpty() && isBaseline(r.id(), rounds)) {
            line += " (the baseline)";
        }
        return screen ? line + outcomes(r) : line;
    }

    /**
     * "speed-up 2.30x vs #1", "1.7x the time of #1 (not like for like)" where a speed-up would flatter; "" for
     * none. Also the report's column, which sits beside the figures rather than in a line.
     */
    public String comparison(Round r, List<Round> rounds) {
        if (compare == Compare.NONE || Double.isNaN(r.speedup()) || r.baseline() <= 0 || r.baseline() == r.id()) {
            return "";
        }
        for (Round base : rounds) {
            if (base.id() == r.baseline() && RoundVerdict.flattered(r, base)) {
                // the baseline had it worse: its times make no speed-up, only the plain ratio of the walls
                return Decimals.fixed(r.wall().toNanos() / (double) Math.max(1, base.wall().toNanos()), 1) + "x the time of #"
                        + base.id() + (form == Form.TEXT ? " (not like for like)" : "");
            }
        }
        // without a Formatter: a round's result box writes this every frame while it is shown
        return compare == Compare.BRIEF ? Decimals.fixed(r.speedup(), 1) + "x vs #" + r.baseline()
                : "speed-up " + Decimals.fixed(r.speedup(), 2) + "x vs #" + r.baseline();
    }

    /** Whether some other round is measured against this one. */
    public static boolean isBaseline(int id, List<Round> rounds) {
        for (Round r : rounds) {
            if (r.baseline() == id && r.id() != id) {
                return true;
            }
        }
        return false;
    }

    /** How its workers ended, when not all finished: "; 1 failed, 2 stopped". */
    private static String outcomes(Round r) {
        List<String> parts = new ArrayList<>();
        if (r.failed() > 0) {
            parts.add(r.failed() + " failed");
        }
        if (r.stopped() > 0) {
            parts.add(r.stopped() + " stopped");
        }
        return parts.isEmpty() ? "" : "; " + String.join(", ", parts);
    }

    /** Cores busy on average, "1.9", or "-" while not known: every figure of cores in threadlab's text. */
    public static String cores(double cores) {
        return cores(cores, 1);
    }

    /** As {@link #cores(double)} with that many decimals. */
    public static String cores(double cores, int decimals) {
        // without a Formatter: a running round's timer writes this every frame
        return Double.isNaN(cores) || cores < 0 ? "-" : Decimals.fixed(cores, decimals);
    }

    /**
     * A round's wall or CPU time on screen: "2.0 s", "1:05"; under a second in hundredths ("0.08 s"), so a
     * round of counters that took 80 ms does not read "0.0 s".
     */
    public static String time(Duration d) {
        if (d.toMillis() < 1000) {
            return Decimals.fixed(Math.max(0, d.toNanos()) / 1e9, 2) + " s";
        }
        return Durations.stopwatch(d) + (d.toSeconds() < 60 ? " s" : "");
    }

    /** A round's CPU time on screen ({@link #time}), or "-" while not known. */
    public static String cpu(Round r) {
        return r.cpuNanos() < 0 ? "-" : time(Duration.ofNanos(r.cpuNanos()));
    }

    /** "peak 76M memory, 40 OS threads": what the round's workers held at most; "" when not measured. */
    public static String peaks(Round r) {
        if (r.peakMemory() < 0) {
            return "";
        }
        return "peak " + Sizes.compact(r.peakMemory()) + " memory"
                + (r.peakThreads() >= 0 ? ", " + Words.count(r.peakThreads(), "OS thread") : "");
    }
}
