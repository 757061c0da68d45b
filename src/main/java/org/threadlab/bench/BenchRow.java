package org.threadlab.bench;

import java.util.Objects;

/**
 * One line of the {@code threadlab bench} table: a figure of threadlab's, the reference it is held
 * against (measured in the same run, on the same machine), their ratio, the target, and the outcome.
 *
 * @param id              stable, for {@code --only} and JSON: "sampler-10", "spawn", "frame"...
 * @param figure          what was measured, in a user's words: "sampler tick, 10-thread process"
 * @param measured        threadlab's figure; NaN value when it could not be measured
 * @param reference       what it is compared with: "top -b -H -p PID, per refresh"; "" when the target is absolute
 * @param referenceAmount the reference's figure; null without a reference (missing, or none by design)
 * @param ratio           measured / reference; NaN when there is no reference figure
 * @param target          the target as written in the issue: "<= 0.5x", "< 5 ms", "<= 0.5x and < 1 %core"
 * @param outcome         pass, fail, or skipped
 * @param note            why it was skipped, or what a reader needs to read the figure ("htop not found on PATH: ratio skipped")
 */
public record BenchRow(String id, String figure, Amount measured, String reference, Amount referenceAmount,
                       double ratio, String target, Outcome outcome, String note) {

    public BenchRow {
        Objects.requireNonNull(id);
        Objects.requireNonNull(figure);
        Objects.requireNonNull(measured);
        reference = reference == null ? "" : reference;
        Objects.requireNonNull(target);
        Objects.requireNonNull(outcome);
        note = note == null ? "" : note;
    }

    /** A row that could not be measured at all: a missing program, an unsupported JVM. */
    public static BenchRow skipped(String id, String figure, String reference, String target, String reason) {
        return new BenchRow(id, figure, new Amount(Double.NaN, ""), reference, null, Double.NaN, target, Outcome.SKIPPED, reason);
    }

    /**
     * A ratio row: measured against a reference, pass when the ratio is at most {@code maxRatio}.
     * A missing reference ({@code referenceAmount} null, {@code missing} the reason) skips the row.
     */
    public static BenchRow ratio(String id, String figure, Amount measured, String reference, Amount referenceAmount,
                                 double maxRatio, String missing) {
        String target = "<= " + trim(maxRatio) + "x";
        if (referenceAmount == null) {
            return new BenchRow(id, figure, measured, reference, null, Double.NaN, target, Outcome.SKIPPED, missing);
        }
        if (!(referenceAmount.value() > 0)) {
            // a reference too small to read (top's CPU in whole clock ticks over a short run) is no ratio at all
            return new BenchRow(id, figure, measured, reference, referenceAmount, Double.NaN, target, Outcome.SKIPPED,
                    "the reference measured " + referenceAmount.text() + ": too small to divide by");
        }
        double r = measured.value() / referenceAmount.value();
        return new BenchRow(id, figure, measured, reference, referenceAmount, r, target,
                r <= maxRatio ? Outcome.PASS : Outcome.FAIL, "");
    }

    /** An absolute row: pass when the measured value is below {@code limit} (strictly). */
    public static BenchRow below(String id, String figure, Amount measured, double limit, String note) {
        return new BenchRow(id, figure, measured, "", null, Double.NaN, "< " + new Amount(limit, measured.unit()).text(),
                measured.value() < limit ? Outcome.PASS : Outcome.FAIL, note);
    }

    /** The same row with a note added (what a reader needs to read it). */
    public BenchRow withNote(String more) {
        String joined = note.isEmpty() ? more : note + "; " + more;
        return new BenchRow(id, figure, measured, reference, referenceAmount, ratio, target, outcome, joined);
    }

    /** The same row with another outcome, when a second condition of the target decides it. */
    public BenchRow withOutcome(Outcome o, String target) {
        return new BenchRow(id, figure, measured, reference, referenceAmount, ratio, target, o, note);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) + ".0" : Double.toString(d);
    }
}
