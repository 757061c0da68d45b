package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.Slice;
import org.threadlab.sample.SliceBatch;
import org.threadlab.sample.SliceWatch;
import org.threadlab.sample.ThreadSlice;
import org.threadlab.work.SimulatedGil;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/** The timeline's books on fabricated slices: each cell's classification, the lanes, the cores' rows. */
class TimelineBookTest {
    private static final long MS = 1_000_000L;
    private static final long SPAN = 20 * MS;
    private static final Duration TICK = Duration.ofMillis(4);

    private static ThreadSlice t(long tid, double cpu, double queued, char state, int core, boolean exact, String java) {
        return new ThreadSlice(100, tid, "t" + tid, (long) (cpu * SPAN), (long) (queued * SPAN), state, core, exact, java);
    }

    private static CellState classify(ThreadSlice t) {
        return TimelineBook.classify(t, SPAN, Double.NaN, Double.NaN, TICK);
    }

    @Test
    void eachStateFromTheKernelsFigures() {
        // on a core most of the slice (the kernel's figure, trusted at 5 ticks)
        assertEquals(CellState.RUNNING, classify(t(1, 0.9, 0.05, 'R', 0, false, null)));
        assertEquals(CellState.RUNNING, classify(t(1, 0.6, 0, 'S', 0, false, null)), "ran most, then slept");
        // runnable but waiting for a core: the run queue most of the slice, or 'R' with little CPU
        assertEquals(CellState.RUNNABLE, classify(t(1, 0.2, 0.7, 'R', 0, false, null)));
        assertEquals(CellState.RUNNABLE, classify(t(1, 0.1, 0, 'R', 0, false, null)), "its wait is booked only when it runs");
        // blocked on a monitor, as the JVM says
        assertEquals(CellState.LOCKED, classify(t(1, 0.01, 0, 'S', 0, true, "BLOCKED")));
        // asleep or on I/O
        assertEquals(CellState.SLEEPING, classify(t(1, 0, 0, 'S', 0, false, null)));
        assertEquals(CellState.SLEEPING, classify(t(1, 0.4, 0, 'S', 0, false, null)), "ran less than half, asleep at the end");
        assertEquals(CellState.SLEEPING, classify(t(1, 0, 0, 'D', 0, false, null)));
        assertEquals(CellState.SLEEPING, classify(t(1, 0, 0, 'S', 0, true, "TIMED_WAITING")));
        // gone or a zombie
        assertEquals(CellState.ENDED, classify(t(1, 0.3, 0, 'X', 0, false, null)));
        assertEquals(CellState.ENDED, classify(t(1, 0, 0, 'Z', 0, false, null)));
    }

    @Test
    void theGilsExactBooksBeatTheKernelsView() {
        ThreadSlice running = t(1, 1.0, 0, 'R', 1, true, null);
        ThreadSlice asleep = t(1, 0.0, 0, 'S', 1, true, "WAITING");
        assertEquals(CellState.GIL_HELD, TimelineBook.classify(asleep, SPAN, 0.8, 0.1, TICK));
        assertEquals(CellState.GIL_WAITING, TimelineBook.classify(running, SPAN, 0.2, 0.7, TICK));
        assertEquals(CellState.GIL_WAITING, TimelineBook.classify(running, SPAN, 0.45, 0.55, TICK), "the larger one");
        // held and waited each less than half: the kernel's view
        assertEquals(CellState.RUNNING, TimelineBook.classify(running, SPAN, 0.3, 0.3, TICK));
    }

    @Test
    void aThreadParkedOnTheGilAtTheSlicesEndWaitsForTheGilNotOnALock() {
        // seen live at 5 ms slices under load: a thread gave the GIL up, waited for a core, then queued for
        // the GIL (held 0.3, waited 0.4 of the slice); the JVM calls it parked on a lock another owns, and the
        // cell said LOCKED (before that, SLEEPING) in one slice of six
        ThreadSlice parked = t(1, 0.3, 0.3, 'S', 0, true, "BLOCKED");
        assertEquals(CellState.GIL_WAITING, TimelineBook.classify(parked, SPAN, 0.3, 0.4, true, TICK));
        assertEquals(CellState.LOCKED, TimelineBook.classify(parked, SPAN, 0.3, 0.0, false, TICK),
                "not waiting for the GIL: another lock");
        List<SimulatedGil.Span> spans = List.of(new SimulatedGil.Span(7, "a", true, 0, 6 * MS),
                new SimulatedGil.Span(7, "a", false, 14 * MS, 20 * MS));
        double[] g = TimelineBook.gilShares(spans, new Slice(0, 20 * MS, List.of(), java.util.Map.of()));
        assertEquals(1.0, g[2], "waiting when the slice ended");
        assertEquals(0.0, TimelineBook.gilShares(spans, new Slice(0, 10 * MS, List.of(), java.util.Map.of()))[2]);
        assertEquals(1.0, TimelineBook.gilShares(spans, new Slice(0, 13 * MS, List.of(), java.util.Map.of()))[2],
                "a wait begun just after the end, before the JVM's state was read, counts");
    }

    @Test
    void belowTwoTicksTheStateLetterCarriesTheCell() {
        long span = 5 * MS; // a running thread's figure may read 4 ms or 8 ms, or 0 in a slice under a tick
        ThreadSlice readsZero = new ThreadSlice(100, 1, "t", 0, 0, 'R', 0, false, null);
        assertEquals(CellState.RUNNING, TimelineBook.classify(readsZero, 3 * MS, Double.NaN, Double.NaN, TICK));
        ThreadSlice queued = new ThreadSlice(100, 1, "t", 0, 4 * MS, 'R', 0, false, null);
        assertEquals(CellState.RUNNABLE, TimelineBook.classify(queued, span, Double.NaN, Double.NaN, TICK));
        ThreadSlice asleep = new ThreadSlice(100, 1, "t", 4 * MS, 0, 'S', 0, false, null);
        assertEquals(CellState.SLEEPING, TimelineBook.classify(asleep, span, Double.NaN, Double.NaN, TICK));
        // the exact CPU clock (threadlab's own threads) is trusted at any slice
        ThreadSlice exactIdle = new ThreadSlice(100, 1, "t", MS / 2, 0, 'R', 0, true, "RUNNABLE");
        assertEquals(CellState.RUNNABLE, TimelineBook.classify(exactIdle, span, Double.NaN, Double.NaN, TICK));
        // unknown CPU: the letter
        ThreadSlice unknown = new ThreadSlice(100, 1, "t", -1, -1, 'R', 0, false, null);
        assertEquals(CellState.RUNNING, TimelineBook.classify(unknown, SPAN, Double.NaN, Double.NaN, TICK));
    }

    @Test
    void theNoteSaysHowFineTheFiguresAre() {
        assertEquals("20 ms slices · CPU to ±4 ms (kernel tick) · state read each slice",
                TimelineBook.note(Duration.ofMillis(20), TICK, false));
        String fine = TimelineBook.note(Duration.ofMillis(5), TICK, true);
        assertTrue(fine.contains("CPU in 4 ms ticks: cells drawn from the state read each slice") && fine.contains("GIL exact"), fine);
    }

    static WorkerInfo worker(int id, WorkerKind kind, String type, WorkerState state, long pid, long tid, long javaId) {
        return new WorkerInfo(id, "w" + id, kind, WorkloadSpec.of(type), false, state, null, Instant.EPOCH, null, 0, 0,
                pid, tid, javaId, -1, null, null, List.of(), false);
    }

    private static Slice slice(int i, ThreadSlice... threads) {
        return new Slice(i * SPAN, (i + 1) * SPAN, List.of(threads), Map.of());
    }

    private static SliceBatch batch(Slice... slices) {
        return new SliceBatch(Duration.ofMillis(20), TICK, List.of(slices), null);
    }

    /**
     * Four threads taking turns on the GIL, each holding a quarter or so of every 20 ms slice: none holds
     * it half a slice, yet each slice has a holder, the one that held it longest, and the others wait.
     */
    @Test
    void eachSliceShowsWhoHeldTheGilLongestWhenTurnsAreShorterThanTheSlice() {
        List<WorkerInfo> workers = new java.util.ArrayList<>();
        List<SimulatedGil.Span> spans = new java.util.ArrayList<>();
        List<Slice> slices = new java.util.ArrayList<>();
        for (int k = 0; k < 4; k++) {
            workers.add(worker(k + 1, WorkerKind.THREAD, "cpu", WorkerState.RUNNING, 100, 111 + k, 11 + k));
        }
        for (int i = 0; i < 4; i++) {
            // slice i: thread i holds the first 8 ms, then the others 4 ms each; whoever does not hold waits
            long at = i * SPAN;
            List<ThreadSlice> threads = new java.util.ArrayList<>();
            for (int turn = 0; turn < 4; turn++) {
                int k = (i + turn) % 4;
                long hold = turn == 0 ? 8 * MS : 4 * MS;
                if (at > i * SPAN) {
                    spans.add(new SimulatedGil.Span(11 + k, "w" + (k + 1), false, i * SPAN, at));
                }
                spans.add(new SimulatedGil.Span(11 + k, "w" + (k + 1), true, at, at + hold));
                if (at + hold < (i + 1) * SPAN) {
                    spans.add(new SimulatedGil.Span(11 + k, "w" + (k + 1), false, at + hold, (i + 1) * SPAN));
                }
                at += hold;
            }
            for (int k = 0; k < 4; k++) {
                threads.add(new ThreadSlice(100, 111 + k, "cpu", (k == i ? 8 : 4) * MS, 0, 'S', k % 2, true, "BLOCKED"));
            }
            slices.add(new Slice(i * SPAN, (i + 1) * SPAN, threads, Map.of()));
        }
        Timeline tl = new TimelineBook().add(new SliceBatch(Duration.ofMillis(20), TICK, slices, null), workers, spans, 2);
        for (int k = 0; k < 4; k++) {
            List<CellState> row = tl.lanes().get(k).cells().stream().map(Cell::state).toList();
            for (int i = 0; i < 4; i++) {
                assertEquals(i == k ? CellState.GIL_HELD : CellState.GIL_WAITING, row.get(i), "lane " + k + ": " + row);
            }
        }
    }

    /**
     * Two threads handing the GIL over about every 5 ms, seen in 10 ms slices: each holds about 5 ms of
     * every slice. The cells take turns, as the threads did, rather
     * than give every column to whichever one the phase favours.
     */
    @Test
    void threadsThatHeldTheGilAboutAsLongTakeTurnsInTheCells() {
        long slice = 10 * MS;
        List<WorkerInfo> workers = List.of(worker(1, WorkerKind.THREAD, "cpu", WorkerState.RUNNING, 100, 111, 11),
                worker(2, WorkerKind.THREAD, "cpu", WorkerState.RUNNING, 100, 112, 12));
        List<SimulatedGil.Span> spans = new java.util.ArrayList<>();
        // the first thread's turns are a little longer (5.3 ms against 4.7): the strict longest would be it, every column
        for (long from = -4_500_000L, k = 0; from < 12 * slice; k++) {
            long holder = 11 + (k % 2);
            long other = 11 + ((k + 1) % 2);
            long hold = holder == 11 ? 5_300_000L : 4_700_000L;
            spans.add(new SimulatedGil.Span(holder, "w" + (holder - 10), true, from, from + hold));
            spans.add(new SimulatedGil.Span(other, "w" + (other - 10), false, from, from + hold));
            from += hold;
        }
        List<Slice> slices = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            slices.add(new Slice(i * slice, (i + 1) * slice, List.of(
                    new ThreadSlice(100, 111, "cpu", 5 * MS, 0, 'R', 0, true, "RUNNABLE"),
                    new ThreadSlice(100, 112, "cpu", 5 * MS, 0, 'S', 1, true, "BLOCKED")), Map.of()));
        }
        Timeline tl = new TimelineBook().add(new SliceBatch(Duration.ofMillis(10), TICK, slices, null), workers, spans, 2);
        List<CellState> a = tl.lanes().get(0).cells().stream().map(Cell::state).toList();
        List<CellState> b = tl.lanes().get(1).cells().stream().map(Cell::state).toList();
        for (int i = 0; i < 12; i++) {
            assertTrue(a.get(i) == CellState.GIL_HELD ^ b.get(i) == CellState.GIL_HELD, "one holder per column: " + a + " " + b);
            if (i > 0) {
                assertTrue(a.get(i) != a.get(i - 1), "they take turns, as they did: " + a);
            }
        }
    }

    @Test
    void lanesPerWorkerPerProgramThreadAndPerCore() {
        WorkerInfo thread = worker(1, WorkerKind.THREAD, "cpu", WorkerState.RUNNING, 100, 101, 7);
        WorkerInfo child = worker(2, WorkerKind.PROCESS, "sleep", WorkerState.WAITING, 200, 201, -1);
        WorkerInfo exec = worker(3, WorkerKind.PROCESS, "exec", WorkerState.RUNNING, 300, 300, -1);
        WorkerInfo virtual = worker(4, WorkerKind.VIRTUAL, "sleep", WorkerState.WAITING, 100, -1, 9);
        WorkerInfo later = worker(5, WorkerKind.THREAD, "cpu", WorkerState.NEW, 100, -1, -1);
        List<WorkerInfo> workers = List.of(thread, child, exec, virtual, later);

        SliceWatch watch = TimelineBook.watch(workers);
        assertEquals(Map.of(100L, Set.of(101L), 200L, Set.of(201L), 300L, Set.of()), watch.threadsByPid());
        assertEquals(Map.of(101L, 7L), watch.javaIdByTid());

        ThreadSlice th = new ThreadSlice(100, 101, "cpu", SPAN, 0, 'R', 1, true, "RUNNABLE");
        ThreadSlice ch = new ThreadSlice(200, 201, "main", 0, 0, 'S', 0, false, null);
        ThreadSlice py1 = new ThreadSlice(300, 300, "python3", SPAN / 10, 0, 'S', 0, false, null);
        ThreadSlice py2 = new ThreadSlice(300, 301, "python3", SPAN * 9 / 10, 0, 'R', 0, false, null);
        ThreadSlice py3 = new ThreadSlice(300, 302, "python3", SPAN / 2, SPAN / 2, 'R', 1, false, null);
        TimelineBook book = new TimelineBook();
        // the thread worker held the GIL over the first slice, waited for it over the second
        List<SimulatedGil.Span> gil = List.of(new SimulatedGil.Span(7, "w1", true, 0, SPAN),
                new SimulatedGil.Span(7, "w1", false, SPAN, 2 * SPAN));
        Timeline tl = book.add(batch(slice(0, th, ch, py1, py2, py3), slice(1, th, ch, py1, py2, py3)), workers, gil, 2);

        assertEquals(2, tl.slices());
        List<String> labels = tl.lanes().stream().map(Lane::label).toList();
        assertEquals(List.of("#1 w1", "#2 w2", "#3 python3 300", "#3 python3 301", "#3 python3 302", "#4 w4 (reported)"),
                labels, "no lane for a worker not started yet");
        // a worker that ended before the timeline was shown gets no lane
        WorkerInfo gone = worker(6, WorkerKind.THREAD, "cpu", WorkerState.FINISHED, 100, 106, 12);
        assertEquals(6, new TimelineBook().add(batch(slice(0, th, ch, py1, py2, py3)),
                List.of(thread, child, exec, virtual, later, gone), List.of(), 2).lanes().size());
        assertEquals("ABCDEF", tl.lanes().stream().map(l -> String.valueOf(l.key())).reduce("", String::concat));
        Lane a = tl.lanes().get(0);
        assertEquals(List.of(CellState.GIL_HELD, CellState.GIL_WAITING), a.cells().stream().map(Cell::state).toList());
        assertEquals(101, a.tid());
        assertEquals(CellState.SLEEPING, tl.lanes().get(1).cells().get(0).state());
        assertEquals(CellState.SLEEPING, tl.lanes().get(2).cells().get(0).state());
        assertEquals(CellState.RUNNING, tl.lanes().get(3).cells().get(0).state());
        assertEquals(0, tl.lanes().get(3).cells().get(0).core());
        assertEquals(CellState.RUNNING, tl.lanes().get(4).cells().get(0).state());
        Cell v = tl.lanes().get(5).cells().get(0);
        assertEquals(CellState.SLEEPING, v.state());
        assertTrue(Double.isNaN(v.cpuShare()) && v.core() == -1, "a virtual thread has no CPU or core of its own: " + v);

        // per core: core 0 was the exec'd thread that ran 90 %; core 1 the GIL holder in slice 0 (100 %),
        // then (the holder waiting) the program's thread that ran half of it
        assertEquals(2, tl.cores().size());
        assertEquals(List.of(3, 3), tl.cores().get(0).holders());
        assertEquals(List.of(0, 4), tl.cores().get(1).holders());
        assertTrue(tl.note().contains("GIL exact"), tl.note());
        assertEquals(2 * SPAN, tl.endNanos());

        // the late worker starts: its lane opens with "no reading" before its start
        WorkerInfo started = worker(5, WorkerKind.THREAD, "cpu", WorkerState.RUNNING, 100, 105, 11);
        ThreadSlice t5 = new ThreadSlice(100, 105, "cpu", SPAN, 0, 'R', 0, true, "RUNNABLE");
        tl = book.add(batch(slice(2, th, ch, py1, py2, py3, t5)), List.of(thread, child, exec, virtual, started), List.of(), 2);
        Lane e = tl.lanes().stream().filter(l -> l.workerId() == 5).findFirst().orElseThrow();
        assertEquals(List.of(CellState.NONE, CellState.NONE, CellState.RUNNING), e.cells().stream().map(Cell::state).toList());
        assertEquals('G', e.key());
    }

    @Test
    void anEndedWorkerKeepsItsLaneWhileItsCellsAreInTheWindow() {
        WorkerInfo live = worker(1, WorkerKind.THREAD, "cpu", WorkerState.RUNNING, 100, 101, 7);
        WorkerInfo ended = worker(1, WorkerKind.THREAD, "cpu", WorkerState.FINISHED, 100, 101, 7);
        TimelineBook book = new TimelineBook();
        ThreadSlice th = new ThreadSlice(100, 101, "cpu", SPAN, 0, 'R', 0, true, "RUNNABLE");
        book.add(batch(slice(0, th)), List.of(live), List.of(), 1);
        Timeline tl = book.add(batch(slice(1)), List.of(ended), List.of(), 1);
        assertEquals(List.of(CellState.RUNNING, CellState.ENDED),
                tl.lanes().get(0).cells().stream().map(Cell::state).toList());
        // cleared from the workers' list: still ended, not "no reading"
        tl = book.add(batch(slice(2)), List.of(), List.of(), 1);
        assertEquals(CellState.ENDED, tl.lanes().get(0).cells().get(2).state());
        // once its running slice leaves the window, its lane goes
        int i = 3;
        while (tl.lanes().size() == 1) {
            List<Slice> more = new ArrayList<>();
            for (int k = 0; k < 50; k++) {
                more.add(slice(i++));
            }
            tl = book.add(new SliceBatch(Duration.ofMillis(20), TICK, more, null), List.of(), List.of(), 1);
            assertTrue(i < 2 * TimelineBook.SLICES, "the lane never went");
        }
        assertTrue(i > TimelineBook.SLICES, "the lane went only after its cells left the window: " + i);
        assertEquals(TimelineBook.SLICES, tl.slices(), "the window is bounded");
    }

    @Test
    void anotherSliceLengthStartsANewWindow() {
        WorkerInfo live = worker(1, WorkerKind.THREAD, "cpu", WorkerState.RUNNING, 100, 101, 7);
        ThreadSlice th = new ThreadSlice(100, 101, "cpu", SPAN, 0, 'R', 0, true, "RUNNABLE");
        TimelineBook book = new TimelineBook();
        assertEquals(2, book.add(batch(slice(0, th), slice(1, th)), List.of(live), List.of(), 1).slices());
        Slice longer = new Slice(2 * SPAN, 4 * SPAN, List.of(th), Map.of());
        Timeline tl = book.add(new SliceBatch(Duration.ofMillis(40), TICK, List.of(longer), null), List.of(live), List.of(), 1);
        assertEquals(1, tl.slices(), "one column is one slice of one length");
        assertEquals(Duration.ofMillis(40), tl.slice());
        assertEquals(CellState.RUNNING, tl.lanes().get(0).cells().get(0).state(), "half of the 40 ms slice on a core");
    }

    @Test
    void keysRunAtoZThenLowercase() {
        List<WorkerInfo> workers = new ArrayList<>();
        List<ThreadSlice> threads = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            workers.add(worker(i, WorkerKind.THREAD, "cpu", WorkerState.RUNNING, 100, 1000 + i, i));
            threads.add(new ThreadSlice(100, 1000 + i, "cpu", SPAN, 0, 'R', 0, true, "RUNNABLE"));
        }
        Timeline tl = new TimelineBook().add(batch(new Slice(0, SPAN, threads, Map.of())), workers, List.of(), 2);
        assertEquals('Z', tl.lanes().get(25).key());
        assertEquals('a', tl.lanes().get(26).key());
        assertEquals('d', tl.lanes().get(29).key());
    }
}
