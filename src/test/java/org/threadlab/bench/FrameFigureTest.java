package org.threadlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameFigureTest {

    @Test
    void aQuickRunGivesTheFrameRowAndThePanesRowsWithTheirSpread() throws Exception {
        List<BenchRow> rows = new FrameFigure().measure(new BenchContext(new References("/nonexistent"), true, line -> {}));
        assertEquals(List.of("frame", "frame-timeline", "frame-rounds"), rows.stream().map(BenchRow::id).toList());
        for (BenchRow r : rows) {
            // an absolute target: no reference to miss, so never skipped
            assertNotEquals(Outcome.SKIPPED, r.outcome(), r.toString());
            assertEquals("< 5.00 ms", r.target());
            assertEquals("ms", r.measured().unit());
            assertTrue(r.measured().value() > 0, r.toString());
            assertTrue(r.note().contains("p90") && r.note().contains("max") && r.note().contains("bytes a frame"), r.note());
        }
    }

    @Test
    void itIsInTheRegistry() {
        assertTrue(Figures.all().stream().anyMatch(f -> f.id().equals("frame")));
    }
}
