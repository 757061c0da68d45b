package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the sampler relies on when it keeps /proc files open, checked against the live kernel. */
class KeptFilesTest {
    private static final long SELF = ProcessHandle.current().pid();

    @BeforeAll
    static void linuxOnly() {
        Assumptions.assumeTrue(Kernel.LINUX, "these read /proc");
    }

    private static long deadline(long seconds) {
        return System.nanoTime() + seconds * 1_000_000_000L;
    }

    @Test
    void aKeptFileIsGeneratedAfreshOnEveryReadAndFailsOnceItsThreadHasEnded() throws Exception {
        ProcFiles files = new ProcFiles(16);
        String task = "/proc/" + SELF + "/task/";
        try (Kernel.Spinner spin = new Kernel.Spinner("kept-spin", new CountDownLatch(0))) {
            ProcFiles.Kept schedstat = files.keep(task + spin.tid + "/schedstat");
            ProcFiles.Kept stat = files.keep(task + spin.tid + "/stat");
            assertNotNull(schedstat);
            assertTrue(files.read(schedstat));
            long first = files.number(0);
            long end = deadline(10);
            long now = first;
            while (now <= first && System.nanoTime() < end) {
                Thread.sleep(20);
                assertTrue(files.read(schedstat));
                now = files.number(0);
            }
            assertTrue(now > first, "a spinning thread's CPU time moves in the same kept file: " + first + " -> " + now);
            spin.close();
            assertFalse(spin.thread.isAlive(), "the spinner ended");
            end = deadline(10);
            while (files.read(stat) && System.nanoTime() < end) {
                Thread.sleep(20); // the JVM's thread object ends a moment before the kernel's task
            }
            assertFalse(files.read(stat), "the kept stat of an ended thread fails, whatever its TID names now");
            assertEquals(2, files.keptCount());
            files.closeAll();
            assertEquals(0, files.keptCount());
            assertEquals(null, files.keep(task + SELF + "/stat"), "closed: nothing more is kept");
        }
    }

    @Test
    void theHostsKeptFilesGiveFreshFiguresEachRead() throws Exception {
        ProcFiles files = new ProcFiles(16);
        ProcHost host = new ProcHost(files, Platform.PROC);
        HostReading first = host.read();
        assertEquals(4, files.keptCount(), "stat, meminfo, loadavg, uptime kept open");
        long end = deadline(10);
        HostReading later = host.read();
        while (later.uptime().compareTo(first.uptime()) <= 0 && System.nanoTime() < end) {
            Thread.sleep(20);
            later = host.read();
        }
        assertTrue(later.uptime().compareTo(first.uptime()) > 0, first.uptime() + " -> " + later.uptime());
        long busy0 = first.totalTicks()[0] + first.totalTicks()[2];
        end = deadline(10);
        while (later.totalTicks()[0] + later.totalTicks()[2] <= busy0 && System.nanoTime() < end) {
            Thread.sleep(20);
            later = host.read();
        }
        assertTrue(later.totalTicks()[0] + later.totalTicks()[2] > busy0, "the CPU ticks move too");
        assertTrue(later.coreIds().length > 0, "a line per core");
        files.closeAll();
    }

    @Test
    void noMoreFilesAreKeptThanTheLimitAndTheRestAreReadByPath() {
        ProcFiles files = new ProcFiles(1);
        assertNotNull(files.keep("/proc/self/stat"));
        assertEquals(null, files.keep("/proc/self/statm"));
        assertTrue(files.read("/proc/self/statm"), "read by path instead");
        files.closeAll();
    }

    @Test
    void aProbeLetsGoOfItsFilesWhenClosedAndTheSamplerWhenItIs() throws Exception {
        ProcFiles files = new ProcFiles(ProcFiles.KEEP_AT_MOST);
        ProcProbe probe = new ProcProbe(SELF, files, Platform.PROC, System::nanoTime);
        probe.sample("self", null);
        probe.sample("self", null);
        int threads = new File("/proc/self/task").list().length;
        assertTrue(files.keptCount() >= threads, "stat and schedstat of every thread kept: " + files.keptCount());
        probe.close();
        assertEquals(0, files.keptCount());

        int before = openFiles();
        Sampler sampler = new Sampler(Duration.ofSeconds(1));
        sampler.watch(WatchList.pids(List.of(ProcessHandle.current().parent().orElseThrow().pid())));
        sampler.sampleNow();
        sampler.sampleNow();
        assertTrue(openFiles() > before + threads, "the sampler keeps its files open between ticks");
        sampler.close();
        assertTrue(openFiles() <= before + 2, "closed: its files are closed (" + before + " before, " + openFiles() + " after)");
    }

    private static int openFiles() {
        return new File("/proc/self/fd").list().length;
    }
}
