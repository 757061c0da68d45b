package org.threadlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

    @Test
    void aRatioRowPassesAtOrBelowItsTargetAndFailsAbove() {
        BenchRow ok = BenchRow.ratio("x", "a figure", Amount.ms(1), "ref", Amount.ms(2), 0.5, "ref not found on PATH");
        BenchRow over = BenchRow.ratio("y", "a figure", Amount.ms(3), "ref", Amount.ms(2), 0.5, "ref not found on PATH");
        assertEquals(Outcome.PASS, ok.outcome());
        assertEquals(0.5, ok.ratio(), 1e-9);
        assertEquals(Outcome.FAIL, over.outcome());
        assertEquals("<= 0.5x", over.target());
    }

    @Test
    void aMissingReferenceSkipsTheRatioAndSaysWhy() {
        BenchRow r = BenchRow.ratio("x", "a figure", Amount.ms(1), "htop -d 10", null, 0.5, References.missing("htop"));
        assertEquals(Outcome.SKIPPED, r.outcome());
        assertTrue(Double.isNaN(r.ratio()));
        String table = BenchReport.table(List.of(r));
        assertTrue(table.contains("skipped"), table);
        assertTrue(table.contains("x: htop not found on PATH"), table);
    }

    @Test
    void referencesAreFoundOnThePathLikeAShellFindsThem(@TempDir Path dir) throws Exception {
        Path top = Files.createFile(dir.resolve("top"));
        top.toFile().setExecutable(true);
        Files.createFile(dir.resolve("htop")); // not executable: not a program
        References refs = new References("/nonexistent:" + dir);
        assertEquals(top, refs.find("top").orElseThrow());
        assertTrue(refs.find("htop").isEmpty());
        assertTrue(new References("").find("top").isEmpty());
    }

    @Test
    void theTableHasEveryColumnAndTheJsonEveryField() {
        List<BenchRow> rows = List.of(
                BenchRow.ratio("sampler-10", "sampler tick, 10-thread process", Amount.ms(0.61), "top -b -H -p, per refresh",
                        Amount.ms(1.3), 0.5, ""),
                BenchRow.below("frame", "one frame at 200x60, 1,000 rows", Amount.ms(2.25), 5, ""),
                BenchRow.skipped("virtual-start", "virtual thread worker running", "bare virtual thread", "<= 3.0x",
                        "virtual threads need Java 21"));
        String table = BenchReport.table(rows);
        String header = table.lines().findFirst().orElseThrow();
        for (String column : new String[] {"id", "figure", "threadlab", "reference", "its figure", "ratio", "target", "result"}) {
            assertTrue(header.contains(column), header);
        }
        assertTrue(table.contains("0.47x"), table);
        assertTrue(table.contains("< 5.00 ms"), table);
        String json = BenchReport.json(rows, Map.of("cores", 2));
        assertTrue(json.contains("\"id\":\"sampler-10\""), json);
        assertTrue(json.contains("\"measured\":{\"value\":0.61,\"unit\":\"ms\"}"), json);
        assertTrue(json.contains("\"outcome\":\"skipped\""), json);
        assertTrue(json.contains("\"note\":\"virtual threads need Java 21\""), json);
        assertTrue(json.contains("\"passed\":2,\"failed\":0,\"skipped\":1"), json);
    }

    @Test
    void aFigureThatBreaksIsAFailedRowAndTheOthersStillRun() throws Exception {
        Figure broken = new Figure() {
            public String id() { return "broken"; }
            public String summary() { return "breaks"; }
            public List<BenchRow> measure(BenchContext c) throws Exception { throw new java.io.IOException("no /proc here"); }
        };
        Figure fine = new Figure() {
            public String id() { return "fine"; }
            public String summary() { return "works"; }
            public List<BenchRow> measure(BenchContext c) { return List.of(BenchRow.below("fine", "works", Amount.ms(1), 5, "")); }
        };
        List<BenchRow> rows = Bench.run(List.of(broken, fine), new BenchContext(new References(""), true, s -> { }));
        assertEquals(2, rows.size());
        assertEquals(Outcome.FAIL, rows.get(0).outcome());
        assertEquals("could not measure: no /proc here", rows.get(0).note());
        assertEquals(Outcome.PASS, rows.get(1).outcome());
    }
}
