package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.ProcProbeFixtureTest.FakeProc;

/**
 * Another process's threads: a known thread's stat is read only when its schedstat moved, it was last
 * seen R, or its turn in the rotation came (ProcProbe's class comment) -- on a made-up /proc that counts
 * the reads, and on a real child whose thread wakes from a long sleep and spins.
 */
class OtherThreadsGateTest {
    private static final long PID = 100;
    private static final long TID = PID + 1;
    private static final long MS = 1_000_000L;
    private static final String TASK = "/fake/" + PID + "/task/" + TID;

    /** One thread besides main whose stat and schedstat the test sets; counts its stat reads (IdleRotationTest too). */
    static final class Watched {
        final FakeProc proc = new FakeProc();
        long cpuNanos = 40 * MS;
        long runs = 7;
        char state = 'S';
        int nice;
        int core = 1;
        int statReads;

        Watched() {
            proc.thread(PID, "main", 0);
            proc.tids.add(TID);
            proc.files.put(TASK + "/schedstat", t -> cpuNanos + " 0 " + runs + "\n");
            proc.files.put(TASK + "/stat", t -> {
                statReads++;
                return TID + " (worker) " + state + " 1 " + PID + " " + PID + " 0 -1 4194304 0 0 0 0 "
                        + cpuNanos * SystemConstants.HZ / 1_000_000_000L + " 0 0 0 " + (20 + nice) + " " + nice
                        + " 1 0 5 8192000 0 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 " + core
                        + " 0 0 0 0 0\n";
            });
            proc.process();
            // the process's ticks from the counters themselves (the fake's sum would read the stat counted here)
            proc.files.put("/fake/" + PID + "/stat", t -> FakeProc.stat("target", 'S',
                    cpuNanos * SystemConstants.HZ / 1_000_000_000L, 250, 2));
        }
    }

    static ThreadSample tick(ProcProbe probe, Watched w) {
        w.proc.now += 200 * MS;
        return SamplerAccuracyTest.thread(probe.sample("external", null), TID);
    }

    @Test
    void aThreadWhoseSchedstatDidNotMoveHasItsStatReadOnlyInItsTurn() {
        Watched w = new Watched();
        ProcProbe probe = new ProcProbe(PID, w.proc, "/fake", () -> w.proc.now);
        tick(probe, w);
        tick(probe, w);
        int before = w.statReads;
        for (int i = 0; i < ProcProbe.IDLE_EVERY; i++) {
            ThreadSample t = tick(probe, w);
            assertEquals(0.0, t.cpuPercent(), 0.0, "it has not run");
            assertEquals("S", t.state());
            assertEquals(1, t.core());
        }
        assertEquals(1, w.statReads - before, "one stat read in " + ProcProbe.IDLE_EVERY + " ticks: the rotation's");
    }

    @Test
    void aThreadThatRanHasItsStatReadInThatTick() {
        Watched w = new Watched();
        ProcProbe probe = new ProcProbe(PID, w.proc, "/fake", () -> w.proc.now);
        for (int i = 0; i < 3; i++) {
            tick(probe, w);
        }
        for (int i = 0; i < ProcProbe.IDLE_EVERY; i++) {
            // it runs 50 ms between every two ticks, on another core each time, and sleeps again
            w.cpuNanos += 50 * MS;
            w.runs++;
            w.core = 2 + i % 2;
            int before = w.statReads;
            ThreadSample t = tick(probe, w);
            assertEquals(1, w.statReads - before, "read in the tick it ran");
            assertEquals(w.core, t.core());
            assertTrue(t.cpuPercent() > 20 && t.cpuPercent() <= 25, "50 ms over its ~200 ms window: " + t.cpuPercent());
        }
        // arrivals alone (a wake-up that ran less than the kernel counts) also make it read
        w.runs++;
        w.state = 'D';
        int before = w.statReads;
        assertEquals("D", tick(probe, w).state());
        assertEquals(1, w.statReads - before);
    }

    @Test
    void aThreadLastSeenRunnableIsReadEveryTickAndAWakeUpStillWaitingShowsWithinTheRotation() {
        Watched w = new Watched();
        ProcProbe probe = new ProcProbe(PID, w.proc, "/fake", () -> w.proc.now);
        tick(probe, w);
        tick(probe, w);
        // woken, but no CPU yet: its schedstat has not moved, only its state letter says R
        w.state = 'R';
        int seenAfter = -1;
        for (int i = 0; i < ProcProbe.IDLE_EVERY && seenAfter < 0; i++) {
            if ("R".equals(tick(probe, w).state())) {
                seenAfter = i;
            }
        }
        assertTrue(seenAfter >= 0, "R shown within " + ProcProbe.IDLE_EVERY + " ticks");
        // from then on, still waiting, it is read every tick
        int before = w.statReads;
        for (int i = 0; i < 5; i++) {
            assertEquals("R", tick(probe, w).state());
        }
        assertEquals(5, w.statReads - before, "an R thread's stat every tick");
        // it goes back to sleep without having run (an unlikely but possible wake-up cancelled): read, S
        w.state = 'S';
        assertEquals("S", tick(probe, w).state(), "the R thread's next read shows it");
    }

    @Test
    void stateLettersAreSharedStringsNotOnePerThreadPerTick() {
        Watched w = new Watched();
        ProcProbe probe = new ProcProbe(PID, w.proc, "/fake", () -> w.proc.now);
        ThreadSample a = tick(probe, w);
        ThreadSample b = tick(probe, w);
        assertEquals("S", a.state());
        assertTrue(a.state() == b.state(), "the same String each tick");
        assertEquals("?", ProcProbe.stateOf('?'));
        assertEquals("\u00e9", ProcProbe.stateOf('\u00e9'), "outside ASCII still right");
    }

    @Test
    void aNiceSetFromOutsideShowsWithinTheRotation() {
        Watched w = new Watched();
        ProcProbe probe = new ProcProbe(PID, w.proc, "/fake", () -> w.proc.now);
        tick(probe, w);
        tick(probe, w);
        w.nice = 10;
        boolean seen = false;
        for (int i = 0; i < ProcProbe.IDLE_EVERY && !seen; i++) {
            seen = tick(probe, w).nice() == 10;
        }
        assertTrue(seen, "nice 10 shown within " + ProcProbe.IDLE_EVERY + " ticks");
    }

    @Test
    void aWokenThreadOfARealChildShowsRAndItsCpuWithinATickOrTwo() throws Exception {
        Assumptions.assumeTrue(Kernel.LINUX, "reads /proc");
        Process child = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), WakeThenSpin.class.getName()))
                .start();
        try (Sampler sampler = new Sampler(java.time.Duration.ofSeconds(1));
             OutputStream in = child.getOutputStream()) {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine());
            Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/" + child.pid() + "/task/" + child.pid() + "/schedstat")),
                    "needs schedstat");
            // the new thread names itself in the kernel once it runs, which may come just after "ready"
            long spinTid = -1;
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (spinTid < 0 && System.nanoTime() < deadline) {
                for (String tid : ProcFiles.list("/proc/" + child.pid() + "/task")) {
                    if ("late-spin".equals(Kernel.comm(child.pid(), Long.parseLong(tid)))) {
                        spinTid = Long.parseLong(tid);
                    }
                }
                if (spinTid < 0) {
                    Thread.sleep(10);
                }
            }
            assertTrue(spinTid > 0, "late-spin listed within 20 s");
            sampler.watch(WatchList.pids(List.of(child.pid())));
            // long enough asleep that its stat is left unread (between the rotation's turns)
            for (int i = 0; i < 2 * ProcProbe.IDLE_EVERY; i++) {
                ThreadSample t = SamplerAccuracyTest.thread(sampler.sampleNow().process(child.pid()).orElseThrow(), spinTid);
                if (i > 0) {
                    assertEquals("S", t.state());
                    assertEquals(0.0, t.cpuPercent(), 0.0);
                }
                Thread.sleep(50);
            }
            in.write('\n');
            in.flush();
            long k0 = Kernel.threadCpuNanos(child.pid(), spinTid);
            long w0 = System.nanoTime();
            // one tick or two: the first after it has surely been woken shows it; allow one more on a loaded machine
            ThreadSample seen = null;
            double kernel = Double.NaN;
            for (int i = 0; i < 2 && seen == null; i++) {
                Thread.sleep(300);
                ThreadSample t = SamplerAccuracyTest.thread(sampler.sampleNow().process(child.pid()).orElseThrow(), spinTid);
                kernel = 100.0 * (Kernel.threadCpuNanos(child.pid(), spinTid) - k0) / (System.nanoTime() - w0);
                // any CPU at all: on a machine loaded far beyond its cores a spinner gets a few percent
                if ("R".equals(t.state()) && t.cpuPercent() > 0) {
                    seen = t;
                }
            }
            assertTrue(seen != null, "late-spin shown R and busy within two ticks of waking");
            // the window of that tick started before the wake-up: its CPU% is at most the kernel's over
            // the time since the wake-up, and not far under it
            assertEquals(kernel, seen.cpuPercent(), 25.0, "sampler vs schedstat since the wake-up");
        } finally {
            child.destroyForcibly().waitFor();
        }
    }
}
