package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.Platform;
import org.threadlab.sample.ProcessLister;
import org.threadlab.sample.ProcessRow;
import org.threadlab.sample.ProcessTable;
import org.threadlab.sample.Sampler;

/** The all-processes view's table: in the snapshot while the view is open, not read at all while closed. */
class ModelHubProcessesTest {
    /** Counts its reads. */
    private static final class Counting implements ProcessLister {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public ProcessTable read() {
            reads.incrementAndGet();
            return new ProcessTable(List.of(new ProcessRow(1, 0, 0, "root", 'S', 1, 0, 4096, "init", false)), 1, null);
        }

        @Override
        public void close() {}
    }

    @Test
    void theTableIsReadOnlyWhileShown() {
        Counting lister = new Counting();
        try (ModelHub hub = ModelHub.manual(new Sampler(Platform.system(), Duration.ofSeconds(1), lister), null)) {
            assertNull(hub.sampleNow().table());
            assertNull(hub.sampleNow().table());
            assertEquals(0, lister.reads.get(), "closed: nothing read");
            hub.showProcesses(true);
            Snapshot s = hub.sampleNow();
            assertNotNull(s.table());
            assertEquals("init", s.table().rows().get(0).command());
            hub.showProcesses(false);
            int reads = lister.reads.get();
            assertNull(hub.sampleNow().table());
            assertNull(hub.sampleNow().table());
            assertEquals(reads, lister.reads.get(), "closed again: nothing read");
        }
    }

    @Test
    void aLiveHubFillsTheViewAtOnceNotAnIntervalLater() throws InterruptedException {
        Counting lister = new Counting();
        try (ModelHub hub = ModelHub.start(new Sampler(Platform.system(), Duration.ofSeconds(30), lister), null)) {
            hub.showProcesses(true);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (hub.latest().table() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertNotNull(hub.latest().table(), "no table 10 s after opening, with a 30 s interval");
            assertTrue(lister.reads.get() >= 1);
        }
    }
}
