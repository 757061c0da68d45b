package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.threadlab.worker.RoundInfo;
import org.threadlab.worker.WorkerKind;

/** The round's one line: only what the figures show. */
class RoundVerdictTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static Round round(int id, WorkerKind kind, int n, boolean gil, String workload, double wall, double busy,
                               double others, int failed, int stopped, int baseline, double speedup) {
        RoundInfo info = new RoundInfo(id, kind, workload, "", n, n, false, gil, T0);
        Duration w = Duration.ofNanos((long) (wall * 1e9));
        return new Round(info, T0.plus(w), w, (long) (busy * wall * 1e9), busy, others, 2, n - failed - stopped, failed,
                stopped, -1, -1, baseline, speedup, null);
    }

    private static final Round ONE = round(1, WorkerKind.THREAD, 1, false, "cpu", 0.5, 1.0, 0, 0, 0, 0, Double.NaN);

    @Test
    void threadsWithTheGilAreNoFasterAndTheGilIsNamed() {
        Round r = round(2, WorkerKind.THREAD, 4, true, "cpu", 2.05, 1.0, 0.1, 0, 0, 1, 4 * 0.5 / 2.05);
        assertEquals("4 threads + GIL took 4.1x the time of #1 for 4x the work: no faster than one after another "
                + "(1.0 of 2 cores busy) - the GIL lets one run at a time", RoundVerdict.of(r, ONE));
    }

    @Test
    void theGilIsNotBlamedWhenItWasOff() {
        Round r = round(2, WorkerKind.THREAD, 4, false, "cpu", 2.05, 1.0, 0.1, 0, 0, 1, 0.98);
        assertFalse(RoundVerdict.of(r, ONE).contains("GIL"), RoundVerdict.of(r, ONE));
    }

    @Test
    void aProcessPoolIsNamedAndTheGilNotBlamed() {
        RoundInfo info = new RoundInfo(2, WorkerKind.THREAD, "pool", "workers=2 pool=process", 1, 1, false, true, T0);
        Duration w = Duration.ofSeconds(2);
        Round base = new Round(new RoundInfo(1, WorkerKind.THREAD, "pool", "workers=2 pool=process", 1, 1, false, true, T0),
                T0.plus(w), w, 1_000_000_000L, 0.5, 0, 2, 1, 0, 0, -1, -1, 0, Double.NaN, null);
        Round r = new Round(info, T0.plus(w), w, 1_000_000_000L, 0.5, 0, 2, 1, 0, 0, -1, -1, 1, 1.0, null);
        String v = RoundVerdict.of(r, base);
        assertTrue(v.startsWith("pool of 2 processes: 1.0x the speed of #1"), v);
        assertFalse(v.contains("GIL"), "the members' GILs are their own: " + v);
    }

    @Test
    void processesThatUsedTheCores() {
        Round r = round(2, WorkerKind.PROCESS, 2, false, "cpu", 0.526, 1.9, 0, 0, 0, 1, 1.9);
        assertEquals("2 processes: 1.9x as fast as one after another, 1.9 of 2 cores busy - the cores worked in parallel",
                RoundVerdict.of(r, ONE));
    }

    @Test
    void sleepersWaitedTogether() {
        Round one = round(1, WorkerKind.THREAD, 1, false, "sleep", 1, 0.0, 0, 0, 0, 0, Double.NaN);
        Round r = round(2, WorkerKind.THREAD, 4, false, "sleep", 1.03, 0.004, 0, 0, 0, 1, 3.9);
        assertEquals("4 threads waited together: 3.9x as fast as one after another with 0.0 cores busy - waiting overlaps",
                RoundVerdict.of(r, one));
    }

    @Test
    void aBusyMachineIsSaidWithTheFigure() {
        Round r = round(2, WorkerKind.PROCESS, 2, false, "cpu", 1.0, 1.0, 1.8, 0, 0, 1, 1.0);
        String v = RoundVerdict.of(r, ONE);
        assertTrue(v.endsWith("; other processes kept 1.8 of 2 cores busy meanwhile: slower than on an idle machine"), v);
        Round idle = round(2, WorkerKind.PROCESS, 2, false, "cpu", 1.0, 1.0, 0.3, 0, 0, 1, 1.0);
        assertFalse(RoundVerdict.of(idle, ONE).contains("other processes"), "0.3 of 2 cores is not busy");
    }

    @Test
    void roundsRunBesideDifferentLoadsAreSaidNotToBeLikeForLike() {
        Round base = round(1, WorkerKind.THREAD, 1, false, "cpu", 0.5, 1.0, 1.2, 0, 0, 0, Double.NaN);
        Round r = round(2, WorkerKind.THREAD, 2, true, "cpu", 0.7, 0.9, 0.1, 0, 0, 1, 1.43);
        // 0.9 cores busy is no parallel work: the 1.4x came from the heavier load beside #1, and is not called faster
        assertEquals("2 threads + GIL took 1.4x the time of #1 for 2x the work: no faster than one after another "
                + "(0.9 of 2 cores busy) - the GIL lets one run at a time; #1 ran beside 1.2 busy cores of other "
                + "processes, this beside 0.1: not like for like", RoundVerdict.of(r, base));
        assertFalse(RoundVerdict.likeForLike(r, base));
        Round same = round(2, WorkerKind.THREAD, 2, true, "cpu", 1.0, 0.9, 0.4, 0, 0, 1, 1.0);
        assertFalse(RoundVerdict.of(same, ONE).contains("like for like"), "0 and 0.4 are alike enough");
    }

    @Test
    void sleepersAreNotSaidToBeSlowedByABusyMachine() {
        // QA: 4 sleeping threads beside two CPU hogs were told "slower than on an idle machine"
        Round one = round(1, WorkerKind.THREAD, 1, false, "sleep", 1, 0.002, 1.8, 0, 0, 0, Double.NaN);
        Round r = round(2, WorkerKind.THREAD, 4, false, "sleep", 1.04, 0.01, 1.9, 0, 0, 1, 3.84);
        String v = RoundVerdict.of(r, one);
        assertEquals("4 threads waited together: 3.8x as fast as one after another with 0.0 cores busy - waiting overlaps", v);
        assertFalse(RoundVerdict.of(one, null).contains("other processes"), RoundVerdict.of(one, null));
        assertFalse(RoundVerdict.slowedByOthers(r));
        // waiting is alike whatever the load beside it
        Round calm = round(1, WorkerKind.THREAD, 1, false, "sleep", 1, 0.002, 0.0, 0, 0, 0, Double.NaN);
        assertTrue(RoundVerdict.likeForLike(r, calm));
        // a round that used the cores beside the same load still hears it
        Round cpu = round(3, WorkerKind.PROCESS, 2, false, "cpu", 1.0, 0.3, 1.8, 0, 0, 1, 1.0);
        assertTrue(RoundVerdict.slowedByOthers(cpu));
        assertTrue(RoundVerdict.of(cpu, ONE).endsWith("slower than on an idle machine"), RoundVerdict.of(cpu, ONE));
    }

    @Test
    void aSpeedUpAgainstAStarvedBaselineIsNotCalledFaster() {
        // QA, the gil lesson beside two `yes` hogs: #1's one thread had 0.32 of a core (1.64 s wall for 0.52 s
        // CPU), the 4 GIL threads 0.71 cores: "2.3x as fast as one after another", where the answer says slower
        Round base = round(1, WorkerKind.THREAD, 1, false, "cpu", 1.64, 0.32, 1.6, 0, 0, 0, Double.NaN);
        Round gil = round(2, WorkerKind.THREAD, 4, true, "cpu", 2.85, 0.71, 1.3, 0, 0, 1, 4 * 1.64 / 2.85);
        String v = RoundVerdict.of(gil, base);
        assertFalse(v.contains("as fast as"), v);
        assertTrue(v.startsWith("4 threads + GIL took 1.7x the time of #1 for 4x the work: no faster than one after "
                + "another (0.7 of 2 cores busy) - the GIL lets one run at a time"), v);
        assertTrue(v.endsWith("; other processes kept 1.3 of 2 cores busy, #1 had 0.3 of a core: not like for like"), v);
        assertFalse(RoundVerdict.likeForLike(gil, base));
        // the cores that did work in parallel are still said to, but not measured against a starved baseline as like
        Round free = round(3, WorkerKind.THREAD, 4, false, "cpu", 1.55, 1.3, 0.9, 0, 0, 1, 4 * 1.64 / 1.55);
        String f = RoundVerdict.of(free, base);
        assertTrue(f.contains("the cores worked in parallel") && f.contains("not like for like"), f);
        // a baseline that had its core is like for like
        Round fed = round(1, WorkerKind.THREAD, 1, false, "cpu", 0.55, 0.95, 1.3, 0, 0, 0, Double.NaN);
        assertTrue(RoundVerdict.likeForLike(gil, fed));
        assertFalse(RoundVerdict.flattered(gil, fed));
        assertTrue(RoundVerdict.flattered(gil, base));
        // on an idle machine a single worker's half a core is its work's nature, not a core it lacked
        Round calm = round(1, WorkerKind.THREAD, 1, false, "cpu", 1.0, 0.5, 0.1, 0, 0, 0, Double.NaN);
        Round after = round(2, WorkerKind.THREAD, 4, false, "cpu", 1.0, 2.0, 0.1, 0, 0, 1, 4.0);
        assertTrue(RoundVerdict.likeForLike(after, calm));
    }

    @Test
    void theTextLinesGiveTheRatioOfTheTimesWhereASpeedUpWouldFlatter() {
        // the headless lesson's and the event log's lines: "speed-up 2.30x vs #1" read as faster in the gil lesson
        Round base = round(1, WorkerKind.THREAD, 1, false, "cpu", 1.64, 0.32, 1.6, 0, 0, 0, Double.NaN);
        Round gil = round(2, WorkerKind.THREAD, 4, true, "cpu", 2.85, 0.71, 1.3, 0, 0, 1, 4 * 1.64 / 2.85);
        gil = new Round(gil.info(), gil.endedAt(), gil.wall(), gil.cpuNanos(), gil.coresBusy(), gil.othersCores(), 2, 4, 0, 0,
                -1, -1, 1, gil.speedup(), RoundVerdict.of(gil, base));
        assertEquals("1.7x the time of #1 (not like for like)",
                RoundLine.LESSON.comparison(gil, java.util.List.of(base, gil)));
        String event = ModelHub.endedText(gil, java.util.List.of(base, gil));
        assertTrue(event.contains(", 1.7x the time of #1 (not like for like) - 4 threads + GIL took"), event);
        assertFalse(event.contains("2.3x"), event);
        Round fed = round(1, WorkerKind.THREAD, 1, false, "cpu", 0.55, 0.95, 1.3, 0, 0, 0, Double.NaN);
        assertEquals("speed-up 2.30x vs #1", RoundLine.LESSON.comparison(gil, java.util.List.of(fed, gil)));
        assertEquals("", RoundLine.EVENT.comparison(base, java.util.List.of(base)));
    }

    @Test
    void failedAndStoppedRoundsClaimNoSpeedUp() {
        Round r = round(2, WorkerKind.PROCESS, 4, false, "cpu", 1.0, 1.0, 0, 1, 2, 1, Double.NaN);
        assertEquals("4 processes: 1 failed, 2 stopped, 1 finished - no speed-up to tell", RoundVerdict.of(r, ONE));
    }

    @Test
    void aSingleRoundWithoutBaselineIsTheBaseline() {
        assertEquals("1 thread: 1.0 of 2 cores busy - the baseline for later rounds of the same work",
                RoundVerdict.of(ONE, null));
        Round many = round(2, WorkerKind.THREAD, 3, false, "cpu", 1, 1.0, 0, 0, 0, 0, Double.NaN);
        assertTrue(RoundVerdict.of(many, null).contains("no single-worker round of the same work"));
    }

    /** {@code r} with its threads runnable on average {@code runnable} of the ticks (its kernel states). */
    private static Round runnable(Round r, double runnable) {
        return new Round(r.info(), r.endedAt(), r.wall(), r.cpuNanos(), r.coresBusy(), r.othersCores(), runnable,
                r.hostCores(), r.finished(), r.failed(), r.stopped(), r.peakMemory(), r.peakThreads(), r.baseline(),
                r.speedup(), r.verdict());
    }

    /**
     * CI on a loaded machine: a CPU-bound thread starved to 0.2 core was read as one that "mostly waited",
     * and the busy machine went unsaid. Its thread was runnable at nearly every tick: it wanted the core.
     */
    @Test
    void aStarvedCpuRoundIsSlowedByOthersNotOneThatWaited() {
        Round starved = runnable(round(1, WorkerKind.THREAD, 1, false, "cpu", 2.5, 0.2, 1.8, 0, 0, 0, Double.NaN), 0.97);
        assertFalse(RoundVerdict.waited(starved));
        assertTrue(RoundVerdict.slowedByOthers(starved));
        String v = RoundVerdict.of(starved, null);
        assertTrue(v.contains("- the baseline for later rounds of the same work; other processes kept")
                && v.endsWith("cores busy meanwhile: slower than on an idle machine"), v);
        // not measured (a 1.1 recording, virtual threads): as before, few cores busy reads as waiting
        assertTrue(RoundVerdict.waited(runnable(starved, Double.NaN)));
    }

    /** Sleepers beside the same hogs: their threads were sleeping, the machine did not slow them. */
    @Test
    void aSleepingRoundBesideHogsIsStillNotBlamedOnTheMachine() {
        Round sleeper = runnable(round(1, WorkerKind.THREAD, 1, false, "sleep", 1.0, 0.001, 1.8, 0, 0, 0, Double.NaN), 0.0);
        assertTrue(RoundVerdict.waited(sleeper));
        assertFalse(RoundVerdict.slowedByOthers(sleeper));
        assertFalse(RoundVerdict.of(sleeper, null).contains("other processes"), RoundVerdict.of(sleeper, null));
        Round four = runnable(round(2, WorkerKind.THREAD, 4, false, "sleep", 1.02, 0.004, 1.9, 0, 0, 1, 3.9), 0.05);
        String v = RoundVerdict.of(four, sleeper);
        assertTrue(v.startsWith("4 threads waited together") && !v.contains("other processes")
                && !v.contains("not like for like"), v);
        assertTrue(RoundVerdict.likeForLike(four, sleeper));
    }

    /** A starved baseline is short of its core (its wall too long) even at a fifth of one: not like for like. */
    @Test
    void aStarvedBaselineFlattersThoughItKeptLessThanAQuarterOfACore() {
        Round base = runnable(round(1, WorkerKind.THREAD, 1, false, "cpu", 2.5, 0.2, 1.8, 0, 0, 0, Double.NaN), 1.0);
        Round r = runnable(round(2, WorkerKind.THREAD, 1, false, "cpu", 2.4, 0.21, 1.8, 0, 0, 1, 2.5 / 2.4), 1.0);
        assertFalse(RoundVerdict.likeForLike(r, base));
        assertTrue(RoundVerdict.flattered(r, base));
        String v = RoundVerdict.of(r, base);
        assertTrue(v.contains("other processes kept") && v.endsWith("of a core: not like for like"), v);
    }

    /** Four CPU threads starved to a fifth of a core did not "wait together": they did not work in parallel. */
    @Test
    void starvedCpuThreadsAreNoFasterNotWaitingTogether() {
        Round base = runnable(round(1, WorkerKind.THREAD, 1, false, "cpu", 2.5, 0.2, 1.8, 0, 0, 0, Double.NaN), 1.0);
        Round r = runnable(round(2, WorkerKind.THREAD, 4, false, "cpu", 5.0, 0.2, 1.8, 0, 0, 1, 4 * 2.5 / 5.0), 3.9);
        String v = RoundVerdict.of(r, base);
        assertTrue(v.contains("no faster than one after another") && !v.contains("waited together"), v);
        assertTrue(v.contains("other processes kept"), v);
    }
}
