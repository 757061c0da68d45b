package org.threadlab.model;

import static org.threadlab.model.RoundLine.cores;

import java.util.Locale;

/**
 * The one line that says what an ended round's figures show, written from the figures (as
 * {@code lab.Comparison.verdict} does for compare): each clause only where the numbers show it.
 */
public final class RoundVerdict {
    /** Below this speed-up, n workers were no faster than one after another. */
    static final double NO_FASTER = 1.3;
    /**
     * Below this many cores busy for the whole round, and (where measured) fewer of its threads runnable on
     * average, its workers mostly waited: see {@link #waited}.
     */
    static final double WAITED = 0.25;
    /** Other processes' load beside two rounds that differs by this many cores makes their times unlike. */
    static final double UNLIKE = 0.5;
    /**
     * A baseline's one worker that kept less of a core busy than this (and did not mostly wait) was short
     * of a core: its wall is longer than the work needs, and any round measured against it looks faster.
     */
    static final double STARVED = 0.8;

    private RoundVerdict() {}

    /**
     * @param r    the ended round (its speed-up against {@code base}, or NaN)
     * @param base the round it is compared with, or null
     */
    public static String of(Round r, Round base) {
        String who = who(r);
        String line;
        if (r.failed() > 0 || r.stopped() > 0) {
            line = who + ": " + (r.failed() > 0 ? r.failed() + " failed" : "")
                    + (r.failed() > 0 && r.stopped() > 0 ? ", " : "") + (r.stopped() > 0 ? r.stopped() + " stopped" : "")
                    + (r.finished() > 0 ? ", " + r.finished() + " finished" : "") + " - no speed-up to tell";
        } else if (base == null || Double.isNaN(r.speedup())) {
            line = who + ": " + busy(r) + (r.info().started() == 1
                    ? " - the baseline for later rounds of the same work"
                    : " - no single-worker round of the same work to compare with");
        } else {
            String unlike = unlike(r, base);
            // the not-like-for-like clause may say the busy machine already, with the figure
            return compared(r, base, who) + unlike + (unlike.contains("other processes kept") ? "" : others(r));
        }
        return line + others(r);
    }

    /** "4 threads + GIL", "2 processes", "pool of 2 processes". */
    static String who(Round r) {
        return r.info().who();
    }

    private static String compared(Round r, Round base, String who) {
        int n = r.info().started();
        double s = r.speedup();
        double ratio = r.wall().toNanos() / (double) base.wall().toNanos();
        boolean flattered = flattered(r, base);
        if (n == 1) {
            return flattered ? String.format(Locale.ROOT, "%s took %.1fx the time of #%d, %s", who, ratio, base.id(), busy(r))
                    : String.format(Locale.ROOT, "%s: %.1fx the speed of #%d, %s", who, s, base.id(), busy(r));
        }
        // a speed-up without the cores to show for it is none: n workers that kept about one core busy (not
        // mostly waiting) did not work in parallel; the baseline was slower than the work needs (a heavier
        // load beside it, a core it did not get), which the not-like-for-like clause says
        boolean oneCore = !Double.isNaN(r.coresBusy()) && !waited(r) && r.coresBusy() < NO_FASTER;
        if (s < NO_FASTER || oneCore) {
            String line = String.format(Locale.ROOT, "%s took %.1fx the time of #%d for %dx the work: "
                    + "no faster than one after another (%s)", who, ratio, base.id(), n, busy(r));
            if (r.info().gilApplies() && r.coresBusy() < NO_FASTER) {
                line += " - the GIL lets one run at a time";
            }
            return line;
        }
        if (waited(r)) {
            return String.format(Locale.ROOT, "%s waited together: %.1fx as fast as one after another with %s - "
                    + "waiting overlaps", who, s, cores(r.coresBusy()) + " cores busy");
        }
        String parallel = r.coresBusy() >= NO_FASTER ? " - the cores worked in parallel" : "";
        if (flattered) {
            // the baseline had it worse: its times make no "as fast as", only the plain ratio
            return String.format(Locale.ROOT, "%s took %.1fx the time of #%d for %dx the work, %s", who, ratio, base.id(),
                    n, busy(r)) + parallel;
        }
        return String.format(Locale.ROOT, "%s: %.1fx as fast as one after another, %s", who, s, busy(r)) + parallel;
    }

    /** "1.9 of 2 cores busy". */
    private static String busy(Round r) {
        if (Double.isNaN(r.coresBusy())) {
            return "cores busy not measured";
        }
        return cores(r.coresBusy()) + (r.hostCores() > 0 ? " of " + r.hostCores() : "") + " cores busy";
    }

    /** The busy-machine clause: said when others took at least half a core or a quarter of the machine. */
    static boolean busyMachine(Round r) {
        double o = r.othersCores();
        return !Double.isNaN(o) && (o >= 0.5 || (r.hostCores() > 0 && o >= 0.25 * r.hostCores()));
    }

    /**
     * Whether the two rounds' times can be compared as they are: not when the load of other processes beside
     * them differed by half a core or more, nor when the baseline's one worker was short of a core (kept
     * less than {@link #STARVED} of one busy, yet did not mostly wait: it ran slower than the work needs, so a
     * round measured against it looks faster than it is). Rounds that mostly waited are alike whatever the
     * load: waiting is not slowed by busy cores.
     */
    public static boolean likeForLike(Round r, Round base) {
        return unlike(r, base).isEmpty();
    }

    private static String unlike(Round r, Round base) {
        if (waited(r) && waited(base)) {
            return "";
        }
        double a = base.othersCores();
        double b = r.othersCores();
        if (!Double.isNaN(a) && !Double.isNaN(b) && Math.abs(a - b) >= UNLIKE) {
            return "; #" + base.id() + " ran beside " + cores(a) + " busy cores of other processes, this beside "
                    + cores(b) + ": not like for like";
        }
        if (starved(base)) {
            // said short, with the busy machine in it: at 80x24 a lesson's result box has four rows
            String c = "#" + base.id() + " had " + cores(base.coresBusy()) + " of a core";
            return slowedByOthers(r) ? "; other processes kept " + cores(b) + (r.hostCores() > 0 ? " of " + r.hostCores() : "")
                    + " cores busy, " + c + ": not like for like" : "; " + c + ": not like for like";
        }
        return "";
    }

    /**
     * Whether a round's speed-up against {@code base} would flatter it: the baseline ran beside half a core
     * more of other processes' load, or its one worker was short of a core. Then its times make no
     * "as fast as": the figures give the plain ratio of the walls.
     */
    public static boolean flattered(Round r, Round base) {
        if (waited(r) && waited(base)) {
            return false;
        }
        double a = base.othersCores();
        double b = r.othersCores();
        return !Double.isNaN(a) && !Double.isNaN(b) && a - b >= UNLIKE || starved(base);
    }

    /** As {@link #flattered(Round, Round)}, with the baseline looked up among {@code rounds}; false without one. */
    public static boolean flattered(Round r, java.util.List<Round> rounds) {
        if (Double.isNaN(r.speedup()) || r.baseline() == 0) {
            return false;
        }
        for (Round base : rounds) {
            if (base.id() == r.baseline() && base.id() != r.id()) {
                return flattered(r, base);
            }
        }
        return false;
    }

    /**
     * A baseline of one worker that kept less than {@link #STARVED} of a core busy on a busy machine, and did
     * not mostly wait ({@link #waited}: it wanted the core): other processes took the core it needed (on an
     * idle machine so little is the work's own nature).
     */
    private static boolean starved(Round base) {
        double c = base.coresBusy();
        return base.info().started() == 1 && !Double.isNaN(c) && !waited(base) && c < STARVED && busyMachine(base);
    }

    /**
     * Whether the round's workers mostly waited (measured): busy cores do not slow waiting. Few cores busy
     * alone does not tell: a CPU round starved by other processes keeps as few busy as sleepers do. So where
     * the ticks read its threads' states, it waited only if they also did not want the cores: on average
     * fewer than {@link #WAITED} of them runnable (state R). A starved CPU round's one worker is runnable at
     * nearly every tick (about 1); a sleeper's is sleeping (about 0).
     */
    static boolean waited(Round r) {
        return !Double.isNaN(r.coresBusy()) && r.coresBusy() < WAITED
                && (Double.isNaN(r.runnable()) || r.runnable() < WAITED);
    }

    /**
     * Whether other processes' load made the round slower than on an idle machine: they kept cores busy
     * ({@link #busyMachine}) and the round's workers needed the cores (they did not mostly wait; a round
     * whose cores busy is not measured may have needed them).
     */
    public static boolean slowedByOthers(Round r) {
        return busyMachine(r) && !waited(r);
    }

    private static String others(Round r) {
        if (!slowedByOthers(r)) {
            return "";
        }
        return "; other processes kept " + cores(r.othersCores()) + (r.hostCores() > 0 ? " of " + r.hostCores() : "")
                + " cores busy meanwhile: slower than on an idle machine";
    }
}
