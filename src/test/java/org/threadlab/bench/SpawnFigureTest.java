package org.threadlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;

/** The spawn figure's rows in a quick run: measured against python3 when there is one, its ratio skipped when not. */
@ExtendWith(NoChildrenLeft.class)
class SpawnFigureTest {
    private static BenchContext quick(References refs) {
        return new BenchContext(refs, true, line -> { });
    }

    @Test
    void aProcessWorkerIsTimedAgainstPythonsSpawnInTheSameRun() throws Exception {
        References refs = References.fromEnvironment();
        assumeTrue(refs.find("python3").isPresent(), References.missing("python3"));
        List<BenchRow> rows = new SpawnFigure().measure(quick(refs));
        assertEquals(1, rows.size());
        BenchRow r = rows.get(0);
        assertEquals("spawn", r.id());
        assertNotEquals(Outcome.SKIPPED, r.outcome(), r.note());
        assertTrue(r.measured().value() > 0 && r.referenceAmount().value() > 0, r.toString());
        assertEquals(r.measured().value() / r.referenceAmount().value(), r.ratio(), 1e-9);
        assertEquals("<= 1.0x", r.target());
        assertTrue(r.note().contains("medians of 3, alternating; the child started from "), r.note());
    }

    @Test
    void withoutPythonTheWorkerIsStillTimedAndTheRatioSkippedWithTheReason() throws Exception {
        List<BenchRow> rows = new SpawnFigure().measure(quick(new References("/nonexistent")));
        BenchRow r = rows.get(0);
        assertEquals(Outcome.SKIPPED, r.outcome());
        assertTrue(r.measured().value() > 0, r.toString());
        assertNull(r.referenceAmount());
        assertTrue(r.note().startsWith("python3 not found on PATH"), r.note());
    }

    @Test
    void itIsInTheRegistry() {
        assertTrue(Figures.all().stream().anyMatch(f -> f instanceof SpawnFigure));
    }
}
