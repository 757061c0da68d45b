package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.OwnProcessProbeTest.Own;
import org.threadlab.sample.OwnProcessProbeTest.Task;
import org.threadlab.sample.OtherThreadsGateTest.Watched;

/**
 * The rotation that re-reads idle threads' stat runs only while a thread that has not run can show
 * something new (ProcessProbe#idleMayChange): more threads runnable on the host than cores, or every
 * figure of every thread wanted (a recording). Otherwise an idle thread costs its schedstat alone (another
 * process) or its Java clock alone (threadlab's own), and a thread that ran is still read in that tick.
 */
class IdleRotationTest {
    private static final long PID = 100;
    private static final long MS = 1_000_000L;

    private static ThreadSample tick(ProcProbe probe, Watched w) {
        return OtherThreadsGateTest.tick(probe, w);
    }

    @Test
    void anotherProcesssIdleThreadIsNotReReadWhileNothingCanHaveChangedIt() {
        Watched o = new Watched();
        ProcProbe probe = new ProcProbe(PID, o.proc, "/fake", () -> o.proc.now);
        tick(probe, o);
        tick(probe, o);
        probe.idleMayChange(false);
        int before = o.statReads;
        for (int i = 0; i < 3 * ProcProbe.IDLE_EVERY; i++) {
            ThreadSample t = tick(probe, o);
            assertEquals(0.0, t.cpuPercent(), 0.0);
            assertEquals("S", t.state());
            assertEquals(1, t.core());
        }
        assertEquals(before, o.statReads, "no rotation: its schedstat says it did not run");

        o.cpuNanos += 50 * MS;
        o.runs++;
        o.core = 0;
        ThreadSample ran = tick(probe, o);
        assertEquals(before + 1, o.statReads, "it ran: its stat is read in that tick");
        assertEquals(0, ran.core());
        assertTrue(ran.cpuPercent() > 20, "50 ms of its 200 ms window: " + ran.cpuPercent());

        probe.idleMayChange(true);
        before = o.statReads;
        for (int i = 0; i < ProcProbe.IDLE_EVERY; i++) {
            tick(probe, o);
        }
        assertEquals(before + 1, o.statReads, "the rotation again, once in " + ProcProbe.IDLE_EVERY + " ticks");
    }

    @Test
    void theOwnProcesssIdleJavaThreadIsNotReadAtAllWhileNothingCanHaveChangedIt() {
        Own own = new Own();
        Task worker = own.add(PID + 1, "worker", 7);
        own.tick();
        own.tick();
        own.probe.idleMayChange(false);
        int stats = worker.statReads;
        int schedstats = worker.schedstatReads;
        for (int i = 0; i < 3 * ProcProbe.IDLE_EVERY; i++) {
            assertEquals(0.0, SamplerAccuracyTest.thread(own.tick(), PID + 1).cpuPercent(), 0.0);
        }
        assertEquals(stats, worker.statReads, "its clock stood still and no rotation: no stat");
        assertEquals(schedstats, worker.schedstatReads, "nor schedstat");
        worker.run(250);
        ProcessSample p = own.tick();
        assertEquals(stats + 1, worker.statReads, "its clock moved: read now");
        assertEquals(25.0, SamplerAccuracyTest.thread(p, PID + 1).cpuPercent(), 0.5);
    }

    @Test
    void theRuleIsMoreRunnableThreadsThanCoresOrEveryFigureWanted() {
        WatchList screen = WatchList.pids(List.of(42L)).switchesOf(Set.of(42L));
        assertFalse(Sampler.idleMayChange(screen, 1, 2), "the sampler alone running: nobody waits");
        assertFalse(Sampler.idleMayChange(screen, 2, 2), "as many runnable as cores: nobody waits");
        assertTrue(Sampler.idleMayChange(screen, 3, 2), "one more than cores: one may be waiting");
        assertTrue(Sampler.idleMayChange(screen, -1, 2), "the host does not say");
        assertTrue(Sampler.idleMayChange(screen, 1, 0), "no cores known");
        assertTrue(Sampler.idleMayChange(WatchList.pids(List.of(42L)), 1, 2),
                "every thread's figures wanted (a recording, a snapshot): nice too");
    }

    @Test
    void theSamplerTellsItsProbesEachTickFromTheHostsRunnableCount() {
        int[] runnable = {1};
        List<Boolean> told = new ArrayList<>();
        ProcessProbe probe = new ProcessProbe() {
            @Override
            public ProcessSample sample(String role, JavaView java) {
                return new ProcessSample(7, 1, "p", "S", 0, Duration.ZERO, Duration.ZERO, 0, 0, 1, null, role,
                        List.of(), null);
            }

            @Override
            public void idleMayChange(boolean mayChange) {
                told.add(mayChange);
            }
        };
        HostReading.Source host = () -> new HostReading(new int[] {0, 1}, new long[][] {new long[8], new long[8]},
                new long[8], true, 1, 2, 0, 0, new double[] {0, 0, 0}, Duration.ZERO, "h", runnable[0]);
        Platform platform = Platform.of(() -> new Platform.Readers(host, pid -> probe));
        try (Sampler sampler = new Sampler(platform, Duration.ofSeconds(1))) {
            sampler.watch(WatchList.pids(List.of(7L)).switchesOf(Set.of()));
            sampler.sampleNow();
            runnable[0] = 3;
            sampler.sampleNow();
            runnable[0] = 2;
            sampler.watch(WatchList.pids(List.of(7L)));
            sampler.sampleNow();
        }
        // two probes a tick (threadlab itself and PID 7), both told the same
        assertEquals(List.of(false, false, true, true, true, true), told);
    }
}
