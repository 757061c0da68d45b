package org.threadlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.extension.ExtendWith(org.threadlab.NoChildrenLeft.class)
class SamplerTickFigureTest {

    @Test
    void aQuickRunMeasuresTheTickAgainstARealTopRefresh() throws Exception {
        Assumptions.assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/stat")), "reads /proc");
        References refs = References.fromEnvironment();
        Assumptions.assumeTrue(refs.find("top").isPresent(), References.missing("top"));
        List<String> said = new ArrayList<>();
        List<BenchRow> rows = new SamplerTickFigure().measure(new BenchContext(refs, true, said::add));
        assertEquals(1, rows.size());
        BenchRow r = rows.get(0);
        assertEquals("sampler-10", r.id());
        assertTrue(r.measured().value() > 0, "the tick's CPU: " + r);
        assertTrue(r.referenceAmount() != null && r.referenceAmount().value() > 0, "top's CPU per refresh, read in nanoseconds: " + r);
        assertTrue(r.outcome() == Outcome.PASS || r.outcome() == Outcome.FAIL, r.toString());
        assertEquals(r.measured().value() / r.referenceAmount().value(), r.ratio(), 1e-9);
        assertTrue(said.get(0).contains("10 threads"), said.toString());
    }

    @Test
    void withoutTopTheTickIsStillMeasuredAndTheRatioSkippedWithTheReason() throws Exception {
        Assumptions.assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/stat")), "reads /proc");
        List<BenchRow> rows = new SamplerTickFigure().measure(new BenchContext(new References("/nonexistent"), true, s -> {}));
        assertEquals(1, rows.size());
        BenchRow r = rows.get(0);
        assertEquals(Outcome.SKIPPED, r.outcome());
        assertEquals("top not found on PATH", r.note());
        assertTrue(r.measured().value() > 0, r.toString());
    }
}
