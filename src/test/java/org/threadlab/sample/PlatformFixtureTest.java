package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The whole sampler on a /proc fixture directory (src/test/resources/proc-fixture), through its one entry point. */
class PlatformFixtureTest {
    private static final long PID = 4242;

    private static Platform fixture() {
        return Platform.proc(FixturePlatforms.procFixture());
    }

    @Test
    void theHostIsReadFromTheFixtureRoot() {
        try (Sampler sampler = new Sampler(fixture(), Duration.ofSeconds(1))) {
            HostSample h = sampler.sampleNow().host();
            assertEquals("fixture-host", h.hostName());
            assertEquals(2, h.cores().size());
            assertEquals(List.of(0, 1), h.cores().stream().map(CoreSample::id).toList());
            assertEquals(8_000_000L * 1024, h.memoryTotalBytes());
            assertEquals((8_000_000L - 6_000_000L) * 1024, h.memoryUsedBytes(), "used = total - available");
            assertEquals(500_000L * 1024, h.swapUsedBytes());
            assertEquals(0.5, h.load()[0], 0);
            assertEquals(Duration.ofMillis(12_345_670), h.uptime());
        }
    }

    @Test
    void aWatchedProcessAndItsThreadsAreReadFromTheFixture() {
        try (Sampler sampler = new Sampler(fixture(), Duration.ofSeconds(1))) {
            sampler.watch(new WatchList(Map.of(PID, "worker"), Map.of(), Set.of()));
            Measurement m = sampler.sampleNow();
            assertNull(m.error());
            // threadlab itself is always watched: it is not in the fixture, and says so
            assertEquals("no process " + m.selfPid(), m.process(m.selfPid()).orElseThrow().error());
            ProcessSample p = m.process(PID).orElseThrow();
            assertNull(p.error());
            assertEquals("server", p.name());
            assertEquals("worker", p.role());
            assertEquals(375 * SystemConstants.PAGE_SIZE, p.rssBytes(), "statm's resident pages");
            assertEquals(2, p.threadCount());
            assertEquals(2, p.threads().size());
            ThreadSample odd = SamplerAccuracyTest.thread(p, 4243);
            assertEquals("a) (weird) name", odd.name(), "a name with parentheses and spaces");
            assertEquals("R", odd.state());
            assertEquals(1, odd.core());
            assertEquals(1, odd.nice());
            assertEquals(7, odd.voluntarySwitches());
            assertEquals(3, odd.involuntarySwitches());
            assertTrue(Double.isNaN(odd.cpuPercent()), "first sight: no window yet");
            assertEquals(0, SamplerAccuracyTest.thread(p, PID).core());
        }
    }

    @Test
    void availableMemoryAndFootprintsComeFromTheSameRoot() {
        Platform p = fixture();
        assertEquals(6_000_000L * 1024, p.availableMemoryBytes());
        ProcessFootprint f = new ProcessFootprint.Reader(p).read(PID);
        assertEquals(250 * SystemConstants.PAGE_SIZE, f.rssBytes(), "stat's rss: one file per poll");
        assertEquals(2, f.threads());
        assertEquals(ProcessFootprint.UNKNOWN, new ProcessFootprint.Reader(p).read(999_999));
        assertNotNull(p.procRoot());
    }
}
