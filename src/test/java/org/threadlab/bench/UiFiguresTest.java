package org.threadlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screen's figures (ui-cpu, idle-bytes): their rows, measured with --quick in real tmux sessions
 * beside a real htop, and skipped with the reason where tmux or htop is missing. Never their numbers.
 */
class UiFiguresTest {
    private static BenchContext context(References refs, List<String> said) {
        return new BenchContext(refs, true, said::add);
    }

    private static List<String> ids(List<BenchRow> rows) {
        return rows.stream().map(BenchRow::id).toList();
    }

    @Test
    void withoutTmuxEveryRowIsSkippedSayingWhy() throws Exception {
        References none = new References("/nonexistent");
        List<BenchRow> cpu = new UiCostFigure().measure(context(none, new ArrayList<>()));
        List<BenchRow> bytes = new IdleBytesFigure().measure(context(none, new ArrayList<>()));
        assertEquals(List.of("ui-cpu-0", "ui-cpu-100"), ids(cpu));
        assertEquals(List.of("idle-bytes"), ids(bytes));
        for (BenchRow r : List.of(cpu.get(0), cpu.get(1), bytes.get(0))) {
            assertEquals(Outcome.SKIPPED, r.outcome(), r.toString());
            assertTrue(r.note().startsWith("tmux not found on PATH"), r.note());
        }
        assertEquals("<= 0.5x and < 1 %core", cpu.get(0).target());
    }

    @Test
    void bothAreInTheRegistry() {
        List<String> all = Figures.all().stream().map(Figure::id).toList();
        assertTrue(all.contains("ui-cpu") && all.contains("idle-bytes"), all.toString());
    }

    @Test
    void theAbsolutePartFailsARowByItselfAndDecidesAloneWithoutHtop() {
        BenchRow r = UiCostFigure.row("ui-cpu-0", 0, 30, 1.5, 10.0, java.util.Optional.of(Path.of("/usr/bin/htop")), "started as x");
        assertEquals(0.15, r.ratio(), 1e-9);
        assertEquals(Outcome.FAIL, r.outcome(), "0.15x htop, but 1.5 % of a core: " + r);
        BenchRow light = UiCostFigure.row("ui-cpu-0", 0, 30, 0.2, 1.0, java.util.Optional.of(Path.of("/usr/bin/htop")), "started as x");
        assertEquals(Outcome.PASS, light.outcome(), light.toString());
        BenchRow noHtop = UiCostFigure.row("ui-cpu-0", 0, 30, 0.2, Double.NaN, java.util.Optional.empty(), "started as x");
        assertEquals(Outcome.SKIPPED, noHtop.outcome(), "no ratio to check: " + noHtop);
        assertTrue(noHtop.note().contains("htop not found on PATH"), noHtop.note());
        BenchRow noHtopHeavy = UiCostFigure.row("ui-cpu-0", 0, 30, 1.5, Double.NaN, java.util.Optional.empty(), "started as x");
        assertEquals(Outcome.FAIL, noHtopHeavy.outcome(), "over 1 % of a core fails even without htop");
    }

    private static void needTmuxAndHtop(References refs) {
        Assumptions.assumeTrue(refs.find("tmux").isPresent() && refs.find("htop").isPresent() && Files.isDirectory(Path.of("/proc/self")),
                "needs tmux, htop and /proc");
    }

    @Test
    @Tag("slow") // two real screens for a few seconds each: run by `mvn verify`
    void quickRunsMeasureThreadlabAndHtopInTheSameWindow() throws Exception {
        References refs = References.fromEnvironment();
        needTmuxAndHtop(refs);
        List<String> said = new ArrayList<>();
        List<BenchRow> cpu = new UiCostFigure().measure(context(refs, said));
        assertEquals(List.of("ui-cpu-0", "ui-cpu-100"), ids(cpu));
        for (BenchRow r : cpu) {
            assertEquals("%core", r.measured().unit());
            assertTrue(r.measured().value() > 0, "threadlab's JVM ran: " + r);
            assertNotNull(r.referenceAmount(), "htop measured in the same window: " + r);
            assertNotEquals(Outcome.SKIPPED, r.outcome(), r.toString());
            assertTrue(r.note().contains("started with java"), "from classes, threadlab starts with the launcher's flags: " + r.note());
        }
        assertTrue(said.stream().anyMatch(s -> s.contains("100 sleeping")), said.toString());

        List<BenchRow> bytes = new IdleBytesFigure().measure(context(refs, said));
        assertEquals(List.of("idle-bytes"), ids(bytes));
        assertEquals("B/s", bytes.get(0).measured().unit());
        // htop's own count may be 0 in a few loaded seconds (then the ratio is skipped, saying so): only that it was read
        assertNotNull(bytes.get(0).referenceAmount(), "htop read in the same window: " + bytes.get(0));
        assertFalse(Double.isNaN(bytes.get(0).measured().value()), bytes.get(0).toString());
    }

    @Test
    @Tag("slow")
    void withoutHtopTheAbsolutePartIsStillMeasured(@TempDir Path bin) throws Exception {
        References refs = References.fromEnvironment();
        Assumptions.assumeTrue(refs.find("tmux").isPresent() && Files.isDirectory(Path.of("/proc/self")), "needs tmux and /proc");
        // a PATH with tmux alone
        Files.createSymbolicLink(bin.resolve("tmux"), refs.find("tmux").orElseThrow());
        List<BenchRow> cpu = new UiCostFigure().measure(context(new References(bin.toString()), new ArrayList<>()));
        for (BenchRow r : cpu) {
            assertTrue(r.measured().value() > 0, "measured without htop: " + r);
            assertTrue(Double.isNaN(r.ratio()), r.toString());
            assertTrue(r.note().contains("htop not found on PATH"), r.note());
            assertNotEquals(Outcome.PASS, r.outcome(), "half the target unchecked is no pass: " + r);
        }
        Files.delete(bin.resolve("tmux"));
    }
}
