package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.worker.RoundInfo;
import org.threadlab.worker.WorkerKind;

/** The one writer of a round's figures on a line: each option, and the four places' forms. */
class RoundLineTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static Round round(int id, int n, double wall, double busy, double others, int failed, int stopped,
                               long peakMemory, int peakThreads, int baseline, double speedup) {
        RoundInfo info = new RoundInfo(id, WorkerKind.THREAD, "cpu", "units=0.5", n, n, false, n > 1, T0);
        Duration w = Duration.ofNanos((long) (wall * 1e9));
        long cpu = Double.isNaN(busy) ? -1 : (long) (busy * wall * 1e9);
        return new Round(info, T0.plus(w), w, cpu, busy, others, 2, n - failed - stopped, failed, stopped, peakMemory,
                peakThreads, baseline, speedup, "verdict " + id);
    }

    /** A baseline of one thread that had its core, and four threads measured against it. */
    private static final Round BASE = round(1, 1, 0.5, 0.98, 0.1, 0, 0, 12L << 20, 20, 0, Double.NaN);
    private static final Round FOUR = round(2, 4, 2.04, 0.97, 0.2, 0, 0, 48L << 20, 23, 1, 4 * 0.5 / 2.04);
    private static final List<Round> BOTH = List.of(BASE, FOUR);

    @Test
    void eachPlaceKeepsItsForm() {
        assertEquals("2.04s wall, 1.98s CPU, 1.0 of 2 cores busy, 1.0x vs #1", RoundLine.EVENT.write(FOUR, BOTH));
        assertEquals("2.04s wall, 1.98s CPU, 0.97 of 2 cores busy, speed-up 0.98x vs #1, peak 48M memory, 23 OS threads",
                RoundLine.LESSON.write(FOUR, BOTH));
        assertEquals("2.04s wall, 1.98s CPU, 1.0 of 2 cores busy, other processes 0.2, peak 48M memory, 23 OS threads",
                RoundLine.RUN.write(FOUR, BOTH));
        assertEquals("wall 2.0 s, cpu 1.9 s, 1.0 of 2 cores busy, speed-up 0.98x vs #1", RoundLine.SCREEN.write(FOUR, BOTH));
    }

    @Test
    void eachOptionByItself() {
        RoundLine plain = new RoundLine(RoundLine.Form.TEXT, 1, RoundLine.Compare.NONE, false, false);
        assertEquals("2.04s wall, 1.98s CPU, 1.0 of 2 cores busy", plain.write(FOUR, BOTH));
        assertEquals("2.04s wall, 1.98s CPU, 0.970 of 2 cores busy",
                new RoundLine(RoundLine.Form.TEXT, 3, RoundLine.Compare.NONE, false, false).write(FOUR, BOTH));
        assertEquals("2.04s wall, 1.98s CPU, 1.0 of 2 cores busy, other processes 0.2",
                new RoundLine(RoundLine.Form.TEXT, 1, RoundLine.Compare.NONE, true, false).write(FOUR, BOTH));
        assertEquals("2.04s wall, 1.98s CPU, 1.0 of 2 cores busy, peak 48M memory, 23 OS threads",
                new RoundLine(RoundLine.Form.TEXT, 1, RoundLine.Compare.NONE, false, true).write(FOUR, BOTH));
        assertEquals("2.04s wall, 1.98s CPU, 1.0 of 2 cores busy, 1.0x vs #1",
                new RoundLine(RoundLine.Form.TEXT, 1, RoundLine.Compare.BRIEF, false, false).write(FOUR, BOTH));
        assertEquals("2.04s wall, 1.98s CPU, 1.0 of 2 cores busy, speed-up 0.98x vs #1",
                new RoundLine(RoundLine.Form.TEXT, 1, RoundLine.Compare.FULL, false, false).write(FOUR, BOTH));
        assertThrows(IllegalArgumentException.class, () -> new RoundLine(null, 1, RoundLine.Compare.NONE, false, false));
        assertThrows(IllegalArgumentException.class, () -> new RoundLine(RoundLine.Form.TEXT, -1, RoundLine.Compare.NONE, false, false));
    }

    @Test
    void figuresNotKnownAreLeftOutOfTextAndDashedOnScreen() {
        Round unmeasured = round(3, 2, 0.7, Double.NaN, Double.NaN, 0, 0, -1, -1, 0, Double.NaN);
        assertEquals("0.70s wall", RoundLine.EVENT.write(unmeasured, List.of()), "never \"NaN cores busy\"");
        assertEquals("0.70s wall", RoundLine.RUN.write(unmeasured, List.of()));
        assertEquals("wall 0.70 s, cpu -, - of 2 cores busy", RoundLine.SCREEN.write(unmeasured, List.of()));
        // peak memory not measured: no peaks, even with the OS threads known
        Round noMemory = round(3, 2, 0.7, 1.0, 0.1, 0, 0, -1, 5, 0, Double.NaN);
        assertEquals("0.70s wall, 0.70s CPU, 1.00 of 2 cores busy", RoundLine.LESSON.write(noMemory, List.of()));
        Round noThreads = round(3, 2, 0.7, 1.0, 0.1, 0, 0, 1L << 20, -1, 0, Double.NaN);
        assertEquals("0.70s wall, 0.70s CPU, 1.00 of 2 cores busy, peak 1.0M memory", RoundLine.LESSON.write(noThreads, List.of()));
    }

    @Test
    void aSpeedUpThatWouldFlatterReadsAsTheRatioOfTheTimes() {
        // the gil lesson beside two CPU hogs: #1's one thread had 0.32 of a core, "speed-up 2.30x" read as faster
        Round base = round(1, 1, 1.64, 0.32, 1.6, 0, 0, -1, -1, 0, Double.NaN);
        Round gil = round(2, 4, 2.85, 0.71, 1.3, 0, 0, -1, -1, 1, 4 * 1.64 / 2.85);
        List<Round> rounds = List.of(base, gil);
        assertEquals("2.85s wall, 2.02s CPU, 0.7 of 2 cores busy, 1.7x the time of #1 (not like for like)",
                RoundLine.EVENT.write(gil, rounds));
        assertEquals("2.85s wall, 2.02s CPU, 0.71 of 2 cores busy, 1.7x the time of #1 (not like for like)",
                RoundLine.LESSON.write(gil, rounds));
        // the box says why right under it, in the verdict
        assertEquals("wall 2.8 s, cpu 2.0 s, 0.7 of 2 cores busy, 1.7x the time of #1", RoundLine.SCREEN.write(gil, rounds));
        // without the baseline at hand the speed-up is all there is to say
        assertEquals("2.85s wall, 2.02s CPU, 0.71 of 2 cores busy, speed-up 2.30x vs #1", RoundLine.LESSON.write(gil, List.of(gil)));
    }

    @Test
    void theScreenSaysTheBaselineAndWorkersThatDidNotFinish() {
        assertEquals("wall 0.50 s, cpu 0.49 s, 1.0 of 2 cores busy (the baseline)", RoundLine.SCREEN.write(BASE, BOTH));
        assertEquals("0.50s wall, 0.49s CPU, 0.98 of 2 cores busy, peak 12M memory, 20 OS threads",
                RoundLine.LESSON.write(BASE, BOTH), "the text lines leave it to the verdict");
        Round broken = round(4, 4, 2.0, 1.5, 0.1, 1, 2, -1, -1, 0, Double.NaN);
        assertEquals("wall 2.0 s, cpu 3.0 s, 1.5 of 2 cores busy; 1 failed, 2 stopped", RoundLine.SCREEN.write(broken, List.of()));
        assertEquals("2.00s wall, 3.00s CPU, 1.5 of 2 cores busy", RoundLine.EVENT.write(broken, List.of()));
    }

    @Test
    void oneCoresFormatter() {
        assertEquals("1.9", RoundLine.cores(1.94));
        assertEquals("0.04", RoundLine.cores(0.04, 2));
        assertEquals("-", RoundLine.cores(Double.NaN));
        assertEquals("-", RoundLine.cores(-0.01), "never \"-0.0\"");
    }

    @Test
    void screenTimesAndPeaks() {
        assertEquals("0.08 s", RoundLine.time(Duration.ofMillis(80)));
        assertEquals("1:05", RoundLine.time(Duration.ofSeconds(65)));
        assertEquals("1:02:03", RoundLine.time(Duration.ofSeconds(3723)));
        assertEquals("peak 48M memory, 23 OS threads", RoundLine.peaks(FOUR));
        assertEquals("", RoundLine.peaks(round(3, 2, 0.7, 1.0, 0.1, 0, 0, -1, 5, 0, Double.NaN)));
    }
}
