package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import oshi.software.os.OSProcess;

/** The OSHI source on its own: fresh figures at short intervals, every thread, the kernel's state letters. */
class OshiSourceTest {
    private static long sum(long[] ticks) {
        long s = 0;
        for (long t : ticks) {
            s += t;
        }
        return s;
    }

    @Test
    void twoHostReadsAShortIntervalApartAreNotTheSameMemoisedOne() throws InterruptedException {
        Platform.Readers r = Platform.of(DataSource.OSHI).readers();
        HostReading first = r.host().read();
        // every core's ticks (idle ones too) advance with the clock: 40 ms on any core is 4 ticks at 100 Hz
        long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(40);
        while (System.nanoTime() < due) {
            Thread.sleep(5);
        }
        HostReading second = r.host().read();
        // OSHI's default keeps ticks for 300 ms: the second read would be the first again
        assertNotEquals(sum(first.totalTicks()), sum(second.totalTicks()));
        assertTrue(second.memoryTotal() > 0 && second.memoryUsed() > 0 && second.memoryUsed() <= second.memoryTotal());
        assertEquals(8, second.totalTicks().length, "user nice system idle iowait irq softirq steal");
    }

    @Test
    void aSingleThreadedProcessHasItsOneThreadAndASleepIsS() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try (Sampler s = new Sampler(Platform.of(DataSource.OSHI), Sampler.MIN_INTERVAL)) {
            s.watch(WatchList.pids(List.of(sleep.pid())));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            ProcessSample p;
            do {
                // until it has exec'd sleep (a fork of this JVM first) and is asleep
                p = s.sampleNow().process(sleep.pid()).orElseThrow();
            } while (!(p.name().equals("sleep") && p.state().equals("S")) && System.nanoTime() < deadline);
            p = s.sampleNow().process(sleep.pid()).orElseThrow();
            assertNull(p.error(), p.error());
            assertEquals("sleep", p.name());
            assertEquals("S", p.state());
            assertEquals(ProcessHandle.current().pid(), p.ppid());
            assertEquals(1, p.threads().size(), p.threads().toString());
            ThreadSample t = p.threads().get(0);
            assertEquals(sleep.pid(), t.tid());
            assertEquals("sleep", t.name());
            assertEquals("S", t.state());
            assertEquals(0, t.cpuPercent(), 0.0);
            assertEquals(-1, t.core());
            assertEquals(ThreadSample.UNKNOWN_NICE, t.nice());
            assertTrue(p.rssBytes() > 0 && p.window() != null);
        } finally {
            sleep.destroyForcibly().waitFor();
        }
        try (Sampler s = new Sampler(Platform.of(DataSource.OSHI), Sampler.MIN_INTERVAL)) {
            s.watch(WatchList.pids(List.of(sleep.pid())));
            assertEquals("no process " + sleep.pid(), s.sampleNow().process(sleep.pid()).orElseThrow().error());
        }
    }

    /** A made-up OSHI process: what {@link OshiProbe} asks of one, the rest unasked. */
    private static OSProcess process(long startMillis, long cpuMillis) {
        return (OSProcess) java.lang.reflect.Proxy.newProxyInstance(OSProcess.class.getClassLoader(),
                new Class<?>[] {OSProcess.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getStartTime" -> startMillis;
                    case "getUserTime" -> cpuMillis;
                    case "getKernelTime", "getResidentMemory", "getVirtualSize" -> 0L;
                    case "getState" -> OSProcess.State.SLEEPING;
                    case "getName" -> "made-up";
                    case "getThreadDetails" -> List.of();
                    case "getThreadCount", "getParentProcessID" -> 1;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void aStartTimeOffByAMomentIsTheSameProcessAndOneFarOffIsANewOne() {
        // OSHI gives a process younger than half a second "now - 1 ms" as its start, then the true one
        java.util.Deque<OSProcess> reads = new java.util.ArrayDeque<>(List.of(process(10_000, 0), process(9_700, 50),
                process(9_700, 150), process(60_000, 150)));
        oshi.software.os.OperatingSystem os = (oshi.software.os.OperatingSystem) java.lang.reflect.Proxy.newProxyInstance(
                OSProcess.class.getClassLoader(), new Class<?>[] {oshi.software.os.OperatingSystem.class},
                (proxy, m, args) -> m.getName().equals("getProcess") ? reads.poll() : null);
        long[] now = {0};
        OshiProbe probe = new OshiProbe(42, os, () -> now[0]);
        assertTrue(Double.isNaN(probe.sample("external", null).cpuPercent()), "first sight");
        now[0] += 1_000_000_000L;
        assertEquals(5.0, probe.sample("external", null).cpuPercent(), 1e-9, "50 ms in 1 s: the same process");
        now[0] += 1_000_000_000L;
        assertEquals(10.0, probe.sample("external", null).cpuPercent(), 1e-9);
        now[0] += 1_000_000_000L;
        ProcessSample reused = probe.sample("external", null);
        assertTrue(Double.isNaN(reused.cpuPercent()) && reused.window() == null, "another process under the same PID");
    }

    @Test
    void statesAreTheKernelsLetters() {
        assertEquals("R", OshiProbe.letter(OSProcess.State.RUNNING));
        assertEquals("S", OshiProbe.letter(OSProcess.State.SLEEPING));
        assertEquals("D", OshiProbe.letter(OSProcess.State.WAITING));
        assertEquals("T", OshiProbe.letter(OSProcess.State.STOPPED));
        assertEquals("Z", OshiProbe.letter(OSProcess.State.ZOMBIE));
        assertEquals("?", OshiProbe.letter(OSProcess.State.OTHER));
    }

    @Test
    void procIsRefusedOnlyWhereThereIsNoProc() {
        assertEquals(Platform.PROC_AVAILABLE ? "proc" : "oshi", Platform.of(DataSource.AUTO).sourceName());
        assertEquals("oshi", Platform.of(DataSource.OSHI).sourceName());
        if (Platform.PROC_AVAILABLE) {
            assertEquals("proc", Platform.of(DataSource.PROC).sourceName());
        }
        assertEquals(DataSource.OSHI, DataSource.parse("oshi"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DataSource.parse("Proc"));
        assertEquals("--source must be oshi, proc or auto, not 'Proc'", e.getMessage());
    }
}
