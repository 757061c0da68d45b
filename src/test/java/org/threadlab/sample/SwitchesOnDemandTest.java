package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.ProcProbeFixtureTest.FakeProc;

/**
 * Context switches on demand: told whose switch counts are wanted (the screen shows the selected
 * thread's alone), a probe reads those threads' status every tick and no other's, whose counts are
 * -1; by default, and again when told "every thread", it reads everyone's. And the watch list that
 * says so, and the sampler that hands it on.
 */
class SwitchesOnDemandTest {
    private static final long PID = 100;
    private static final long TID = PID + 1;
    private static final long MS = 1_000_000L;

    /** Two busy threads (both run every tick, so both statuses would be read), counting their status reads. */
    private static final class TwoBusyThreads {
        final FakeProc proc = new FakeProc();
        final Map<Long, Integer> statusReads = new HashMap<>();

        TwoBusyThreads() {
            for (long tid : List.of(PID, TID)) {
                proc.thread(tid, tid == PID ? "main" : "worker", 0.9);
                String task = "/fake/" + PID + "/task/" + tid;
                // arrivals move every tick: the thread ran, its switches may have changed
                proc.files.put(task + "/schedstat", t -> (long) (0.9 * t) + " 0 " + t / MS + "\n");
                proc.files.put(task + "/status", t -> {
                    statusReads.merge(tid, 1, Integer::sum);
                    return "Name:\tx\nState:\tR (running)\nvoluntary_ctxt_switches:\t" + (tid * 10)
                            + "\nnonvoluntary_ctxt_switches:\t" + tid + "\n";
                });
            }
            proc.process();
        }

        ProcessSample tick(ProcProbe probe) {
            proc.now += 200 * MS;
            return probe.sample("external", null);
        }

        int reads(long tid) {
            return statusReads.getOrDefault(tid, 0);
        }
    }

    @Test
    void onlyTheWantedThreadsStatusIsReadAndTheOthersSwitchesAreUnknown() {
        TwoBusyThreads p = new TwoBusyThreads();
        ProcProbe probe = new ProcProbe(PID, p.proc, "/fake", () -> p.proc.now);
        ProcessSample all = p.tick(probe);
        assertEquals(PID * 10, SamplerAccuracyTest.thread(all, PID).voluntarySwitches(), "by default every thread's are read");
        assertEquals(TID * 10, SamplerAccuracyTest.thread(all, TID).voluntarySwitches());

        probe.switchesWanted(tid -> tid == TID);
        int mainReads = p.reads(PID);
        int workerReads = p.reads(TID);
        for (int i = 0; i < 3; i++) {
            ProcessSample s = p.tick(probe);
            assertEquals(-1, SamplerAccuracyTest.thread(s, PID).voluntarySwitches(), "not wanted: unknown, not last known");
            assertEquals(-1, SamplerAccuracyTest.thread(s, PID).involuntarySwitches());
            assertEquals(TID * 10, SamplerAccuracyTest.thread(s, TID).voluntarySwitches(), "wanted: read");
            assertEquals(TID, SamplerAccuracyTest.thread(s, TID).involuntarySwitches());
        }
        assertEquals(mainReads, p.reads(PID), "the unwanted thread's status is not read");
        assertEquals(workerReads + 3, p.reads(TID), "the wanted thread's status is read every tick it ran");

        probe.switchesWanted(ProcessProbe.EVERY_THREAD);
        ProcessSample again = p.tick(probe);
        assertEquals(PID * 10, SamplerAccuracyTest.thread(again, PID).voluntarySwitches(), "every thread's again");
        assertEquals(mainReads + 1, p.reads(PID));
    }

    @Test
    void theWatchListSaysWhoseSwitchesAreWanted() {
        WatchList w = WatchList.pids(List.of(42L));
        assertEquals(true, w.everyFigure(), "every thread's by default (snapshot, recording)");
        assertEquals(true, w.wantsSwitches(7));
        WatchList one = w.switchesOf(Set.of(7L));
        assertEquals(false, one.everyFigure());
        assertEquals(true, one.wantsSwitches(7));
        assertEquals(false, one.wantsSwitches(8));
        assertSame(one, one.switchesOf(Set.of(7L)), "the same ask: the same list");
        assertEquals(true, one.switchesOf(null).everyFigure(), "null: every thread's again");
        assertEquals(Set.of(7L), one.everyProcess(true).switchTids(), "kept when the process table is asked for");
        assertNotSame(one, one.switchesOf(Set.of()));
        assertEquals(false, one.switchesOf(Set.of()).wantsSwitches(7), "nobody's");
    }
}
