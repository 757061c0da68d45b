package org.threadlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.worker.VirtualThreads;

class ThreadStartFigureTest {

    @Test
    void aQuickRunGivesBothRowsAndSkipsTheVirtualOneBefore21() throws Exception {
        List<BenchRow> rows = new ThreadStartFigure().measure(new BenchContext(new References("/nonexistent"), true, line -> {}));
        assertEquals(List.of("thread-start", "virtual-start"), rows.stream().map(BenchRow::id).toList());
        BenchRow thread = rows.get(0);
        // measured against a bare thread in the same run: a ratio, never skipped (no program is needed)
        assertNotEquals(Outcome.SKIPPED, thread.outcome(), thread.toString());
        assertEquals("<= 3.0x", thread.target());
        assertTrue(thread.measured().value() > 0 && thread.referenceAmount().value() > 0, thread.toString());
        assertFalse(Double.isNaN(thread.ratio()));
        BenchRow virtual = rows.get(1);
        if (VirtualThreads.available()) {
            assertNotEquals(Outcome.SKIPPED, virtual.outcome(), virtual.toString());
            assertFalse(Double.isNaN(virtual.ratio()));
        } else {
            assertEquals(Outcome.SKIPPED, virtual.outcome());
            assertTrue(virtual.note().contains("virtual threads need Java 21"), virtual.note());
        }
    }

    @Test
    void itIsInTheRegistry() {
        assertTrue(Figures.all().stream().anyMatch(f -> f.id().equals("thread-start")));
    }
}
