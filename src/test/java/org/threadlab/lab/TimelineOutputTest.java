package org.threadlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.Slice;
import org.threadlab.sample.ThreadSlice;
import org.threadlab.text.Json;

/** What {@code timeline} prints, from fabricated slices: lanes, cores per slice, hand-overs, the end, the JSON. */
class TimelineOutputTest {
    private static final long MS = 1_000_000;

    private static ThreadSlice t(long tid, long cpuMs, char state) {
        return new ThreadSlice(7, tid, "busy-" + tid, cpuMs * MS, 0, state, 0, false, null);
    }

    /** A GIL-like run: 8 slices of 20 ms, one thread holding for two slices, then the next; an idle thread beside. */
    private static TimelineOutput gil() {
        List<Slice> slices = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int holder = (i / 2) % 2;
            slices.add(new Slice(i * 20 * MS, (i + 1) * 20 * MS, List.of(t(10, holder == 0 ? 19 : 0, holder == 0 ? 'R' : 'S'),
                    t(11, holder == 1 ? 19 : 0, holder == 1 ? 'R' : 'S'), t(12, 0, 'S')), Map.of()));
        }
        return new TimelineOutput(7, Duration.ofMillis(20), Duration.ofMillis(4), slices);
    }

    @Test
    void theSummaryCountsHandOversCoresAndEachThreadsShare() {
        TimelineOutput out = gil();
        assertEquals(3, out.handOvers(), "10,10,11,11,10,10,11,11: three changes");
        assertEquals(0.95, out.cores()[0], 1e-9);
        String s = out.summary();
        assertTrue(s.contains("pid 7: 3 threads over 8 slices of 20 ms (0.16 s)"), s);
        assertTrue(s.contains("cores per slice (all threads): median 0.95, p90 0.95, max 0.95"), s);
        assertTrue(s.contains("who ran most changed 3 times (18.8 per second, every 53 ms on average)"), s);
        assertTrue(s.contains("\n 10  busy-10    76.0   0.48         50%     50%\n".replace("\n", System.lineSeparator())), s);
        assertTrue(s.endsWith("20 ms slices · CPU to ±4 ms (kernel tick) · state read each slice" + System.lineSeparator()), s);
        assertFalse(out.ended());
    }

    @Test
    void theTableShowsEachSliceAndLeavesOutThreadsThatNeverRan() {
        String table = gil().table();
        List<String> lines = table.lines().toList();
        assertEquals("t ms   10 busy-10   11 busy-11  cores", lines.get(0));
        assertEquals("  20  19000000 R0         0 S0   0.95", lines.get(1));
        assertEquals("  60         0 S0  19000000 R0   0.95", lines.get(3));
        assertEquals("1 thread that never ran left out (in the summary and --json)", lines.get(lines.size() - 1));
    }

    @Test
    void aThreadThatAppearsOrEndsHasNullsAroundItAndTheEndIsSeen() {
        List<Slice> slices = List.of(
                new Slice(0, 20 * MS, List.of(t(10, 5, 'S')), Map.of()),
                new Slice(20 * MS, 40 * MS, List.of(t(10, 5, 'S'), t(11, 20, 'R')), Map.of()),
                new Slice(40 * MS, 60 * MS, List.of(new ThreadSlice(7, 10, "busy-10", -1, -1, 'X', -1, false, null),
                        new ThreadSlice(7, 11, "busy-11", -1, -1, 'X', -1, false, null)), Map.of()));
        TimelineOutput out = new TimelineOutput(7, Duration.ofMillis(20), null, slices);
        assertTrue(out.ended());
        String json = Json.write(out.json());
        assertTrue(json.startsWith("{\"slice_ns\":20000000,\"kernel_tick_ns\":null,\"pid\":7,"), json);
        assertTrue(json.contains("{\"tid\":11,\"name\":\"busy-11\",\"cpu_ns\":[null,20000000,null],\"state\":[null,\"R\",\"X\"],\"core\":[null,0,null],\"wait_ns\":[null,0,null],\"exact\":false}"), json);
        assertTrue(json.contains("\"process_cpu_ns\":[5000000,25000000,0],\"process_cpu_exact\":false"), json);
        assertTrue(json.contains("\"ended\":true"), json);
        assertTrue(out.table().contains("ended X"), out.table());
    }
}
