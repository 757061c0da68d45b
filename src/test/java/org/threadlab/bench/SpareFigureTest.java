package org.threadlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;

/** The "spare" row: measured against Python's forkserver when python3 is there, skipped with the reason when not; never its numbers. */
@ExtendWith(NoChildrenLeft.class)
class SpareFigureTest {

    @Test
    void withPythonTheRowHasBothFiguresAndARatio() throws Exception {
        References refs = References.fromEnvironment();
        Assumptions.assumeTrue(refs.find("python3").isPresent(), References.missing("python3"));
        List<BenchRow> rows = new SpareFigure().measure(new BenchContext(refs, true, line -> { }));
        assertEquals(1, rows.size());
        BenchRow r = rows.get(0);
        assertEquals("spare", r.id());
        assertEquals("<= 1.0x", r.target());
        assertNotEquals(Outcome.SKIPPED, r.outcome(), r.note());
        assertTrue(r.measured().value() > 0 && r.referenceAmount().value() > 0, r.toString());
        assertEquals(r.measured().value() / r.referenceAmount().value(), r.ratio(), 1e-9);
        assertTrue(r.note().contains("median of 3, alternating"), r.note());
    }

    @Test
    void withoutPythonTheRatioIsSkippedAndSaysWhy() throws Exception {
        List<BenchRow> rows = new SpareFigure().measure(new BenchContext(new References("/nonexistent"), true, line -> { }));
        BenchRow r = rows.get(0);
        assertEquals(Outcome.SKIPPED, r.outcome());
        assertTrue(r.note().startsWith("python3 not found on PATH"), r.note());
        assertTrue(r.measured().value() > 0, "the spare's side is still measured: " + r);
    }

    @Test
    void itIsListedAmongTheFigures() {
        assertTrue(Figures.all().stream().anyMatch(f -> f instanceof SpareFigure && f.id().equals("spare")));
    }
}
