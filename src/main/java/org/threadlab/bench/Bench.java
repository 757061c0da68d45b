package org.threadlab.bench;

import java.util.ArrayList;
import java.util.List;

/** Runs figures one after the other; a figure that breaks becomes a failed row naming why, and the others still run. */
public final class Bench {
    private Bench() {}

    public static List<BenchRow> run(List<Figure> figures, BenchContext context) throws InterruptedException {
        List<BenchRow> rows = new ArrayList<>();
        for (Figure f : figures) {
            context.say("bench: " + f.id() + "…");
            try {
                rows.addAll(f.measure(context));
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                rows.add(new BenchRow(f.id(), f.summary(), new Amount(Double.NaN, ""), "", null, Double.NaN, "-",
                        Outcome.FAIL, "could not measure: " + why));
            }
        }
        return rows;
    }
}
