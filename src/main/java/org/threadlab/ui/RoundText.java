package org.threadlab.ui;

import java.util.ArrayList;
import java.util.List;
import org.threadlab.model.Round;
import org.threadlab.model.RoundLine;
import org.threadlab.model.RoundVerdict;
import org.threadlab.model.Snapshot;
import org.threadlab.text.Decimals;
import org.threadlab.work.Param;
import org.threadlab.work.WorkloadType;
import org.threadlab.work.Workloads;
import org.threadlab.worker.RoundInfo;

/**
 * How a measured round reads on screen, in one place for the rounds pane, the result box and the
 * timer: its short label, its figures, the speed-up and the busy-machine note.
 */
final class RoundText {
    /** Other processes keeping at least this many cores busy make a round's figures worth a warning. */
    static final double BUSY_CORES = 0.5;

    private RoundText() {}

    /**
     * "4 threads + GIL cpu units=0.5": the label with only the parameters that differ from the
     * workload's defaults, so the row says what was chosen and not what every round shares.
     */
    static String label(RoundInfo info) {
        Label last = lastLabel;
        if (last != null && last.info().equals(info)) {
            return last.text();
        }
        String params = shortParams(info.workload(), info.params());
        RoundInfo shown = new RoundInfo(info.id(), info.kind(), info.workload(), params, info.asked(), info.started(),
                info.daemon(), info.gil(), info.requestedAt());
        String text = shown.label();
        lastLabel = new Label(info, text);
        return text;
    }

    /** A round's label as last made: a running round's timer titles every frame with it, for minutes. */
    private record Label(RoundInfo info, String text) {}

    /**
     * The last label made (immutable, so safe to share): parsing and formatting every default parameter
     * again each frame cost more than the rest of the timer.
     */
    private static volatile Label lastLabel;

    /** The parameters left once those at their default are dropped. */
    static String shortParams(String workload, String params) {
        if (params == null || params.isBlank()) {
            return "";
        }
        WorkloadType type;
        try {
            type = Workloads.type(workload);
        } catch (RuntimeException e) {
            return params;
        }
        List<String> kept = new ArrayList<>();
        for (String p : Canvas.words(params)) {
            int eq = p.indexOf('=');
            if (eq < 0 || !isDefault(type, p.substring(0, eq), p.substring(eq + 1))) {
                kept.add(p);
            }
        }
        return String.join(" ", kept);
    }

    private static boolean isDefault(WorkloadType type, String name, String value) {
        if (type == null) {
            return false;
        }
        for (Param<?> param : type.params()) {
            if (param.name().equals(name)) {
                if (param.kind() == Param.Kind.FLAG && param.fallback() == null) {
                    return value.equals("false");
                }
                if (param.fallback() == null) {
                    return false;
                }
                try {
                    return param.format(param.parse(param.fallback())).equals(param.format(param.parse(value)));
                } catch (RuntimeException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * "0.99x vs #1", "baseline" for a round others are measured against, "-" when there is nothing to compare,
     * "- unlike #1" when the baseline had it worse and a speed-up would flatter the round.
     */
    static String speedup(Round r, Snapshot s) {
        if (!Double.isNaN(r.speedup()) && r.baseline() > 0 && r.baseline() != r.id() && unlike(r, s)) {
            return "- unlike #" + r.baseline();
        }
        if (!Double.isNaN(r.speedup()) && r.baseline() > 0 && r.baseline() != r.id()) {
            return Decimals.fixed(r.speedup(), 2) + "x vs #" + r.baseline();
        }
        return isBaseline(r.id(), s) ? "baseline" : "-";
    }

    /** Whether some round is measured against this one. */
    static boolean isBaseline(int id, Snapshot s) {
        return RoundLine.isBaseline(id, s.rounds());
    }

    /** "wall 8.1 s, cpu 8.0 s, 1.0 of 2 cores busy, speed-up 0.99x vs #1": a round's figures on one line ({@link RoundLine#SCREEN}). */
    static String figures(Round r, Snapshot s) {
        return RoundLine.SCREEN.write(r, s.rounds());
    }

    /**
     * Whether the round's speed-up is against a baseline that had it worse (a heavier load beside it, a core
     * it did not get: the verdict says which): then the figures give the plain ratio of the times rather
     * than a speed-up that would read as "faster".
     */
    static boolean unlike(Round r, Snapshot s) {
        if (Double.isNaN(r.speedup())) {
            return false;
        }
        Round base = s.round(r.baseline()).orElse(null);
        return base != null && RoundVerdict.flattered(r, base);
    }

    /**
     * What a shared-state round showed ("counter, 4 threads, unsafe: expected 4000000, got 3043526, lost
     * 956474"): the newest OUTCOME event of one of its workers; null when there is none.
     */
    static String outcome(Round r, Snapshot s) {
        for (int i = s.events().size() - 1; i >= 0; i--) {
            org.threadlab.worker.Event e = s.events().get(i);
            if (e.type() == org.threadlab.worker.Event.Type.OUTCOME && s.workers().stream()
                    .anyMatch(w -> w.info().id() == e.workerId() && w.info().round() == r.id())) {
                return e.text();
            }
        }
        return null;
    }

    /**
     * Says that other processes took cores during the round, with the figure; null when they did not,
     * or when the verdict says so already (the model's verdicts name "other processes" with the figure).
     */
    static String busyNote(Round r) {
        // a round whose workers mostly waited was not slowed by the busy cores: no note
        if (Double.isNaN(r.othersCores()) || r.othersCores() < BUSY_CORES || !RoundVerdict.slowedByOthers(r)
                || r.verdict() != null && r.verdict().contains("other processes")) {
            return null;
        }
        return "busy machine: other processes kept " + RoundLine.cores(r.othersCores()) + (r.hostCores() > 0 ? " of " + r.hostCores() : "")
                + " cores busy meanwhile, so this round's times are longer than alone";
    }
}
