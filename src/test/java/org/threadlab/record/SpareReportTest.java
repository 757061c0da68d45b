package org.threadlab.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.model.ModelHub;
import org.threadlab.model.Snapshot;

/** In the report's memory chart a warm spare is what it is: a child process of threadlab's, never an attached one. */
class SpareReportTest {

    @Test
    void sparesCountAmongTheChildProcesses() {
        List<Snapshot> models = List.of(ReportDataTest.model(1, 0, ReportDataTest.host(1), List.of(
                ReportDataTest.process(100, "self", 70 << 20), ReportDataTest.process(101, "worker", 30 << 20),
                ReportDataTest.process(102, ModelHub.SPARE, 40 << 20), ReportDataTest.process(103, ModelHub.SPARE_STARTING, 10 << 20)),
                List.of(), List.of()));
        ReportData d = ReportData.of(ReportDataTest.recording(models, List.of(), List.of()), "s.jsonl");
        assertEquals(List.of("threadlab", "child processes"), d.memory().stream().map(ReportData.MemorySeries::label).toList());
        assertArrayEquals(new double[] {80 << 20}, d.memory().get(1).bytes(), 1e-9);
    }
}
