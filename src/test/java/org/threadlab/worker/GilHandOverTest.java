package org.threadlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threadlab.work.SimulatedGil;
import org.threadlab.work.WorkloadSpec;

/**
 * Two CPU threads under the simulated GIL, run as real workers by the supervisor: the GIL's own log of
 * hand-overs shows them alternating. Judged by order and overlap (ratios with margins), never by times,
 * so it holds beside CPU hogs.
 */
class GilHandOverTest {

    @Test
    void twoCpuThreadsUnderTheGilAlternateAndEachWaitsWhileTheOtherHolds() throws Exception {
        WorkloadSpec cpu = WorkloadSpec.of("cpu").with("units", "100000");
        try (Supervisor supervisor = new Supervisor()) {
            supervisor.setGil(true);
            SimulatedGil gil = supervisor.gil();
            long a = AwaitWorker.withTid(supervisor, supervisor.spawn(WorkerKind.THREAD, cpu, true).id()).javaThreadId();
            long b = AwaitWorker.withTid(supervisor, supervisor.spawn(WorkerKind.THREAD, cpu, true).id()).javaThreadId();
            awaitHandoffs(gil, 4);
            long since = System.nanoTime();
            awaitHandoffs(gil, gil.state().handoffs() + 40);
            List<SimulatedGil.Span> spans = gil.spans(since);
            supervisor.terminateAll();

            List<SimulatedGil.Span> held = new ArrayList<>();
            List<SimulatedGil.Span> waited = new ArrayList<>();
            for (SimulatedGil.Span s : spans) {
                assertTrue(s.threadId() == a || s.threadId() == b, "only the two workers used the GIL: " + s);
                assertTrue(s.toNanos() >= s.fromNanos(), "a span ends after it starts: " + s);
                (s.held() ? held : waited).add(s);
            }
            held.sort(Comparator.comparingLong(SimulatedGil.Span::fromNanos));
            assertTrue(held.size() >= 30, "the log holds the hand-overs: " + held.size() + " held spans");
            assertEquals(Set.of(a, b), Set.copyOf(held.stream().map(SimulatedGil.Span::threadId).toList()),
                    "both held it");

            int alternations = 0;
            for (int i = 1; i < held.size(); i++) {
                SimulatedGil.Span prev = held.get(i - 1);
                SimulatedGil.Span next = held.get(i);
                assertTrue(next.fromNanos() >= prev.toNanos(), "held spans never overlap: " + prev + " then " + next);
                if (next.threadId() != prev.threadId()) {
                    alternations++;
                }
            }
            // the fair lock hands it to the other at every hand-over; a hold cut short (a checkpoint
            // that found nobody queued yet) may give one thread two spans in a row, rarely
            assertTrue(alternations >= 0.9 * (held.size() - 1),
                    alternations + " alternations in " + (held.size() - 1) + " hand-overs: A,B,A,B expected");

            // while one holds it the other waits for it: the other's wait spans cover the held spans
            long heldTotal = 0;
            long covered = 0;
            for (SimulatedGil.Span h : held.subList(1, held.size() - 1)) {
                heldTotal += h.toNanos() - h.fromNanos();
                for (SimulatedGil.Span w : waited) {
                    if (w.threadId() != h.threadId()) {
                        covered += Math.max(0, Math.min(h.toNanos(), w.toNanos()) - Math.max(h.fromNanos(), w.fromNanos()));
                    }
                }
                for (SimulatedGil.Span w : waited) {
                    if (w.threadId() == h.threadId()) {
                        long overlap = Math.min(h.toNanos(), w.toNanos()) - Math.max(h.fromNanos(), w.fromNanos());
                        assertTrue(overlap <= 0, "a thread never waits while it holds: " + h + " / " + w);
                    }
                }
            }
            assertTrue(covered >= 0.7 * heldTotal, "the other waited through " + covered + " of " + heldTotal
                    + " ns held");
        }
    }

    private static void awaitHandoffs(SimulatedGil gil, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (gil.state().handoffs() < atLeast) {
            assertTrue(System.nanoTime() < deadline, "only " + gil.state().handoffs() + " hand-overs in 30 s");
            Thread.sleep(10);
        }
    }
}
