package org.threadlab.model;

import java.util.Locale;
import org.threadlab.text.Words;

/**
 * The one line that says what an ended round's figures show, written from the figures (as
 * {@code lab.Comparison.verdict} does for compare): each clause only where the numbers show it.
 */
public final class RoundVerdict {
    /** Below this speed-up, n workers were no faster than one after another. */
    static final double NO_FASTER = 1.3;
    /** Below this many cores busy for the whole round, its workers mostly waited. */
    static final double WAITED = 0.25;
    /** Other processes' load beside two rounds that differs by this many cores makes their times unlike. */
    static final double UNLIKE = 0.5;

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
            line = compared(r, base, who) + unlike(r, base);
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
        if (n == 1) {
            return String.format(Locale.ROOT, "%s: %.1fx the speed of #%d, %s", who, s, base.id(), busy(r));
        }
        if (s < NO_FASTER) {
            double ratio = r.wall().toNanos() / (double) base.wall().toNanos();
            String line = String.format(Locale.ROOT, "%s took %.1fx the time of #%d for %dx the work: "
                    + "no faster than one after another (%s)", who, ratio, base.id(), n, busy(r));
            if (r.info().gilApplies() && r.coresBusy() < NO_FASTER) {
                line += " - the GIL lets one run at a time";
            }
            return line;
        }
        if (!Double.isNaN(r.coresBusy()) && r.coresBusy() < WAITED) {
            return String.format(Locale.ROOT, "%s waited together: %.1fx as fast as one after another with %s - "
                    + "waiting overlaps", who, s, cores(r.coresBusy()) + " cores busy");
        }
        return String.format(Locale.ROOT, "%s: %.1fx as fast as one after another, %s", who, s, busy(r))
                + (r.coresBusy() >= NO_FASTER ? " - the cores worked in parallel" : "");
    }

    /** "1.9 of 2 cores busy". */
    private static String busy(Round r) {
        if (Double.isNaN(r.coresBusy())) {
            return "cores busy not measured";
        }
        return cores(r.coresBusy()) + (r.hostCores() > 0 ? " of " + r.hostCores() : "") + " cores busy";
    }

    private static String cores(double c) {
        return String.format(Locale.ROOT, "%.1f", c);
    }

    /** The busy-machine clause: said when others took at least half a core or a quarter of the machine. */
    static boolean busyMachine(Round r) {
        double o = r.othersCores();
        return !Double.isNaN(o) && (o >= 0.5 || (r.hostCores() > 0 && o >= 0.25 * r.hostCores()));
    }

    /** When the load beside the two rounds differed by half a core or more, their times are not like for like. */
    private static String unlike(Round r, Round base) {
        double a = base.othersCores();
        double b = r.othersCores();
        if (Double.isNaN(a) || Double.isNaN(b) || Math.abs(a - b) < UNLIKE) {
            return "";
        }
        return "; #" + base.id() + " ran beside " + cores(a) + " busy cores of other processes, this beside " + cores(b)
                + ": not like for like";
    }

    private static String others(Round r) {
        if (!busyMachine(r)) {
            return "";
        }
        return "; other processes kept " + cores(r.othersCores()) + (r.hostCores() > 0 ? " of " + r.hostCores() : "")
                + " cores busy meanwhile: slower than on an idle machine";
    }
}
