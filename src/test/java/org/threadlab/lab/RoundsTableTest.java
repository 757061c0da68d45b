package org.threadlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.model.Round;
import org.threadlab.worker.RoundInfo;
import org.threadlab.worker.WorkerKind;

/** The rounds printed after quit and under run: every figure, "-" where one is not known. */
class RoundsTableTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static Round round(int id, WorkerKind kind, int n, boolean gil, double wall, long cpu, double busy, double others,
                               int baseline, double speedup, boolean ended) {
        RoundInfo info = new RoundInfo(id, kind, "cpu", "units=0.5", n, n, false, gil, T0);
        Duration w = Duration.ofMillis((long) (wall * 1000));
        return new Round(info, ended ? T0.plus(w) : null, w, cpu, busy, others, 2, n, 0, 0, 50L << 20, 4 * n, baseline,
                speedup, ended ? "verdict " + id : null);
    }

    @Test
    void theSessionsRoundsSideBySide() {
        List<String> lines = RoundsTable.lines(List.of(
                round(1, WorkerKind.THREAD, 1, false, 0.5, 500_000_000L, 1.0, 0.1, 0, Double.NaN, true),
                round(2, WorkerKind.THREAD, 4, true, 2.05, 2_000_000_000L, 0.98, 1.8, 1, 0.976, true),
                round(3, WorkerKind.PROCESS, 4, false, 0.7, -1, Double.NaN, Double.NaN, 0, Double.NaN, false)));
        assertEquals(List.of(
                "threadlab: the session's 3 rounds",
                "   #  what                              wall    CPU  cores busy    speed-up  others busy",
                "  #1  1 thread cpu units=0.5           0.50s  0.50s         1.0           -          0.1",
                "  #2  4 threads + GIL cpu units=0.5    2.05s  2.00s         1.0  1.0x vs #1          1.8",
                "  #3  4 processes cpu units=0.5      running      -           -           -            -"), lines);
    }

    @Test
    void aSpeedUpAgainstABaselineThatHadItWorseIsNotPrinted() {
        // the gil lesson beside two CPU hogs: #1's one thread had 0.3 of a core, so "1.5x vs #1" read as faster
        List<String> lines = RoundsTable.lines(List.of(
                round(1, WorkerKind.THREAD, 1, false, 1.93, 520_000_000L, 0.27, 1.7, 0, Double.NaN, true),
                round(2, WorkerKind.THREAD, 4, true, 5.32, 2_040_000_000L, 0.38, 1.6, 1, 4 * 1.93 / 5.32, true)));
        assertEquals("  #2  4 threads + GIL cpu units=0.5  5.32s  2.04s         0.4  - (unlike #1)          1.6",
                lines.get(3));
    }

    @Test
    void aDaemonRoundSaysSoInTheTablePrintedAfterQuit() {
        // the daemon lesson's point: its workers died with threadlab; the table after quit must say why
        RoundInfo info = new RoundInfo(1, WorkerKind.PROCESS, "sleep", "duration=3s", 2, 2, true, false, T0);
        Round r = new Round(info, null, Duration.ofSeconds(1), -1, Double.NaN, Double.NaN, 2, 2, 0, 0, -1, -1, 0,
                Double.NaN, null);
        assertEquals("  #1  2 processes sleep duration=3s (daemon)  running  -  -  -  -",
                RoundsTable.lines(List.of(r)).get(2).replaceAll(" {2,}", "  "));
    }

    @Test
    void nothingWithoutRounds() {
        assertEquals(List.of(), RoundsTable.lines(List.of()));
    }

    @Test
    void runsSummary() {
        assertEquals(List.of("round #2: 4 threads + GIL cpu units=0.5: 2.05s wall, 2.00s CPU, 1.0 of 2 cores busy, "
                        + "other processes 1.8, peak 50M memory, 16 OS threads", "verdict: verdict 2"),
                RoundsTable.summary(round(2, WorkerKind.THREAD, 4, true, 2.05, 2_000_000_000L, 0.98, 1.8, 1, 0.976, true)));
        // a figure not known is left out of the line, as in the event log and a headless lesson ("- CPU" before)
        assertEquals(List.of("round #3: 4 processes cpu units=0.5: 0.70s wall, peak 50M memory, 16 OS threads"),
                RoundsTable.summary(round(3, WorkerKind.PROCESS, 4, false, 0.7, -1, Double.NaN, Double.NaN, 0, Double.NaN, false)));
    }
}
