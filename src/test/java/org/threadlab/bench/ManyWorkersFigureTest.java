package org.threadlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;

/** The many-workers figure, quick: every row, measured through the real screen in JVMs of its own. */
@ExtendWith(NoChildrenLeft.class)
class ManyWorkersFigureTest {

    @Test
    void quickGivesEveryRowWithItsFigures() throws Exception {
        BenchContext context = new BenchContext(new References("/nonexistent"), true, s -> {});
        List<BenchRow> rows = new ManyWorkersFigure().measure(context);
        List<String> ids = rows.stream().map(BenchRow::id).toList();
        assertEquals(List.of("workers-200-keys", "workers-200-rss", "workers-200-interval", "virtual-200-keys", "processes-2-keys"), ids);
        for (BenchRow r : rows) {
            if (r.id().startsWith("virtual") && Runtime.version().feature() < 21) {
                assertEquals(Outcome.SKIPPED, r.outcome());
                assertTrue(r.note().contains("Java 21"), r.note());
                continue;
            }
            assertFalse(Double.isNaN(r.measured().value()), r.id() + " measured: " + r);
            assertTrue(r.outcome() != Outcome.SKIPPED, r.id());
        }
        BenchRow keys = rows.get(0);
        assertTrue(keys.measured().value() > 0 && keys.note().contains("median"), keys.toString());
        // the collections over the presses are counted (each stops every thread: what a key may wait for)
        assertTrue(keys.note().matches(".*; \\d+ collections over the presses \\(\\d+ ms in all\\).*"), keys.note());
        BenchRow rss = rows.get(1);
        assertTrue(rss.reference().contains("bare sleeping threads"), rss.toString());
        assertEquals("KiB", rss.measured().unit());
        // where the KiB are: each side's thread stacks (a mapping each, from smaps) and the heap's pools
        java.util.regex.Matcher stacks = java.util.regex.Pattern.compile("thread stacks (\\d+\\.\\d) KiB a thread \\(bare (\\d+\\.\\d);")
                .matcher(rss.note());
        assertTrue(stacks.find(), rss.note());
        assertTrue(Double.parseDouble(stacks.group(1)) >= 4 && Double.parseDouble(stacks.group(2)) >= 4, rss.note());
        assertTrue(rss.note().contains("heap committed/used KiB:") && rss.note().matches(".*\\d+/\\d+.*"), rss.note());
        assertTrue(rss.note().matches(".*allocated over the presses \\d+ KB/s \\(sampler \\d+, model \\d+, UI \\d+\\).*"), rss.note());
    }

    @Test
    void aResultLineIsReadAsKeysAndValues() {
        Map<String, String> m = ManyWorkersFigure.parse("keyMaxMs=12.5 rssKib=1024 cpu.threadlab-ui=0.50");
        assertEquals("12.5", m.get("keyMaxMs"));
        assertEquals("1024", m.get("rssKib"));
        assertEquals("0.50", m.get("cpu.threadlab-ui"));
    }
}
