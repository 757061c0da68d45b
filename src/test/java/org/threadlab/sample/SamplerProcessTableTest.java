package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The list of every process is read only while the watch list asks for it: a closed view costs nothing. */
class SamplerProcessTableTest {
    /** Counts its reads and closes. */
    private static final class Counting implements ProcessLister {
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public ProcessTable read() {
            reads.incrementAndGet();
            return new ProcessTable(List.of(new ProcessRow(7, 1, 0, "root", 'S', 1, 0, 4096, "init", false)), 1, null);
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    @Test
    void readOnlyWhileAskedAndForgottenWhenNoLonger() {
        Counting lister = new Counting();
        try (Sampler s = new Sampler(Platform.proc(FixturePlatforms.procFixture()), Duration.ofSeconds(1), lister)) {
            for (int i = 0; i < 3; i++) {
                assertNull(s.sampleNow().table());
            }
            assertEquals(0, lister.reads.get(), "the view is closed: not one read");
            s.watch(s.watching().everyProcess(true));
            Measurement m = s.sampleNow();
            assertNotNull(m.table());
            assertEquals(7, m.table().rows().get(0).pid());
            s.sampleNow();
            assertEquals(2, lister.reads.get());
            s.watch(s.watching().everyProcess(false));
            assertNull(s.sampleNow().table());
            assertNull(s.sampleNow().table());
            assertEquals(2, lister.reads.get());
            assertEquals(1, lister.closes.get(), "what it kept is let go once, at the first tick not asking");
        }
    }

    @Test
    void aListerThatThrowsFailsTheTableNotTheTick() {
        ProcessLister bad = new ProcessLister() {
            @Override
            public ProcessTable read() {
                throw new IllegalStateException("boom");
            }

            @Override
            public void close() {}
        };
        try (Sampler s = new Sampler(Platform.proc(FixturePlatforms.procFixture()), Duration.ofSeconds(1), bad)) {
            s.watch(WatchList.NOTHING.everyProcess(true));
            Measurement m = s.sampleNow();
            assertNull(m.error());
            assertNotNull(m.table().error());
        }
    }
}
