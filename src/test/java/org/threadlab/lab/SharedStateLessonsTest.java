package org.threadlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;
import org.threadlab.shared.MappedRing;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.Event;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerKind;

/** The shared-state lessons end to end through the supervisor, judged by their outcomes. */
@ExtendWith(NoChildrenLeft.class)
class SharedStateLessonsTest {

    /**
     * Spawns {@code n} workers of one lesson and returns the outcomes of their rounds. Usually one; but
     * on a busy machine a worker may end before the next is even spawned, and then the rounds split
     * ("1 thread", then "3 threads"): what a lesson promises must hold for every round.
     */
    private static List<Outcomes.Outcome> rounds(WorkerKind kind, int n, WorkloadSpec spec) throws InterruptedException {
        try (Supervisor s = new Supervisor()) {
            Outcomes watched = Outcomes.watch(s);
            for (int i = 0; i < n; i++) {
                s.spawn(kind, spec, false);
            }
            s.joinAll(java.time.Duration.ofSeconds(60));
            List<Outcomes.Outcome> outcomes = watched.finished();
            assertTrue(!outcomes.isEmpty() && outcomes.size() <= n, s.events().recent(50).toString());
            for (Outcomes.Outcome o : outcomes) {
                assertTrue(s.events().recent(50).stream().anyMatch(e -> e.type() == Event.Type.OUTCOME && e.text().equals(o.text())));
            }
            return outcomes;
        }
    }

    private static long expected(List<Outcomes.Outcome> outcomes) {
        return outcomes.stream().mapToLong(Outcomes.Outcome::expected).sum();
    }

    private static long actual(List<Outcomes.Outcome> outcomes) {
        return outcomes.stream().mapToLong(Outcomes.Outcome::actual).sum();
    }

    private static WorkloadSpec counter(String mode, String memory, int increments) {
        return WorkloadSpec.of("counter").with("mode", mode).with("memory", memory).with("increments", Integer.toString(increments));
    }

    @Test
    void unsafeThreadsLoseUpdatesInSomeTry() throws Exception {
        long lost = 0;
        int together = 0;
        // only threads that ran together can lose updates: tries where the round split do not count
        for (int attempt = 0; attempt < 10 && together < 5 && lost == 0; attempt++) {
            List<Outcomes.Outcome> outcomes = rounds(WorkerKind.THREAD, 4, counter("unsafe", "plain", 500_000));
            assertEquals(2_000_000, expected(outcomes));
            if (outcomes.size() == 1) {
                Outcomes.Outcome o = outcomes.get(0);
                together++;
                lost = o.lost();
                assertTrue(o.text().startsWith("counter, 4 threads, unsafe: expected 2000000, got "), o.text());
            }
        }
        assertTrue(together > 0, "in 10 tries the 4 threads never ran together");
        assertTrue(lost > 0, "4 threads without a lock lost no update in " + together + " tries");
    }

    @Test
    void lockAndAtomicThreadsAreExact() throws Exception {
        for (String mode : List.of("lock", "atomic")) {
            List<Outcomes.Outcome> outcomes = rounds(WorkerKind.THREAD, 4, counter(mode, "plain", 300_000));
            for (Outcomes.Outcome o : outcomes) {
                assertEquals(o.expected(), o.actual(), o.text());
                assertEquals(0, o.lost());
            }
            assertEquals(1_200_000, actual(outcomes), outcomes.toString());
        }
    }

    @Test
    void plainProcessesLeaveTheParentAtZero() throws Exception {
        List<Outcomes.Outcome> outcomes = rounds(WorkerKind.PROCESS, 2, counter("atomic", "plain", 100_000));
        assertEquals(0, actual(outcomes));
        assertEquals(200_000, expected(outcomes));
        for (Outcomes.Outcome o : outcomes) {
            assertTrue(o.text().contains("the parent's counter reads 0"), o.text());
        }
    }

    @Test
    void sharedMemoryProcessesAddUpExactly() throws Exception {
        for (String mode : List.of("lock", "atomic")) {
            List<Outcomes.Outcome> outcomes = rounds(WorkerKind.PROCESS, 3, counter(mode, "shared", 200_000));
            assertEquals(600_000, actual(outcomes), outcomes.toString());
        }
    }

    @Test
    void aGlobalListIsSharedByThreadsOnly() throws Exception {
        WorkloadSpec global = WorkloadSpec.of("global").with("items", "4").with("pause", "5ms");
        assertEquals(12, actual(rounds(WorkerKind.THREAD, 3, global)));
        List<Outcomes.Outcome> p = rounds(WorkerKind.PROCESS, 2, global);
        assertEquals(0, actual(p));
        assertEquals(8, expected(p));
        for (Outcomes.Outcome o : p) {
            assertTrue(o.text().contains("each child appended to its own copy"), o.text());
        }
    }

    @Test
    void eachRoundStartsFromZero() throws Exception {
        try (Supervisor s = new Supervisor()) {
            Outcomes watched = Outcomes.watch(s);
            for (int round = 0; round < 2; round++) {
                s.spawn(WorkerKind.THREAD, counter("atomic", "plain", 1000), false);
                s.joinAll(null);
            }
            assertEquals(List.of(1000L, 1000L), watched.finished().stream().map(Outcomes.Outcome::actual).toList());
        }
    }

    @Test
    void aQueuePassesEveryItemInOrderBetweenThreadsAndBetweenProcesses() throws Exception {
        try (Supervisor s = new Supervisor()) {
            Outcomes watched = Outcomes.watch(s);
            WorkloadSpec q = WorkloadSpec.of("queue").with("items", "60").with("capacity", "4")
                    .with("produce", "0s").with("consume", "2ms");
            int t = s.spawn(WorkerKind.THREAD, q, false).id();
            int p = s.spawn(WorkerKind.PROCESS, q, false).id();
            org.threadlab.worker.WorkerInfo thread = s.join(t, java.time.Duration.ofSeconds(30)).worker();
            org.threadlab.worker.WorkerInfo process = s.join(p, java.time.Duration.ofSeconds(30)).worker();
            assertEquals(org.threadlab.worker.WorkerState.FINISHED, thread.state(), String.valueOf(thread));
            assertEquals(org.threadlab.worker.WorkerState.FINISHED, process.state(), String.valueOf(process));
            assertTrue(thread.result().startsWith("put 60 and got 60 in FIFO order through a 4-slot queue"), thread.result());
            assertTrue(process.result().contains("got all 60 in FIFO order"), process.result());
            // a fast producer and a slow consumer: the queue was full at times, and its size was shown live
            assertTrue(!thread.result().contains("full 0 times"), thread.result());
            assertTrue(thread.status().startsWith("queue 0/4, put 60, got 60"), thread.status());
        }
    }

    @Test
    void theRingKeepsOrderAndBounds(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (MappedRing producer = MappedRing.create(dir.resolve("q"), 3); MappedRing consumer = MappedRing.open(dir.resolve("q"))) {
            assertTrue(producer.offer(7) && producer.offer(8) && producer.offer(9));
            assertTrue(!producer.offer(10), "full at capacity");
            assertEquals(3, consumer.size());
            assertEquals(7, consumer.poll());
            assertTrue(producer.offer(10));
            assertEquals(List.of(8L, 9L, 10L), List.of(consumer.poll(), consumer.poll(), consumer.poll()));
            assertEquals(-1, consumer.poll());
            assertEquals(4, consumer.gets());
        }
    }

    @Test
    void aProcessRoundIsNotCreditedWithWhatThreadsOfTheSameGroupDid() throws Exception {
        try (Supervisor s = new Supervisor()) {
            Outcomes watched = Outcomes.watch(s);
            WorkloadSpec global = WorkloadSpec.of("global").with("items", "3").with("pause", "100ms");
            WorkloadSpec counter = WorkloadSpec.of("counter").with("mode", "atomic").with("increments", "50000");
            // threads and processes of the same groups at the same time
            s.spawn(WorkerKind.THREAD, global, false);
            s.spawn(WorkerKind.PROCESS, global, false);
            s.spawn(WorkerKind.THREAD, counter, false);
            s.spawn(WorkerKind.PROCESS, counter, false);
            s.joinAll(java.time.Duration.ofSeconds(30));
            for (Outcomes.Outcome o : watched.finished()) {
                if (o.workers().contains("process") && o.lesson().equals("global")) {
                    assertEquals(0, o.actual(), o.text());
                } else if (o.workers().contains("process")) {
                    // the parent's counter moved only by the threads, and the outcome says so
                    assertTrue(o.actual() == 0 || o.text().contains("all from threads of group main"), o.text());
                } else {
                    assertEquals(o.expected(), o.actual(), o.text());
                }
            }
            assertEquals(4, watched.finished().size(), watched.finished().toString());
        }
    }
}
