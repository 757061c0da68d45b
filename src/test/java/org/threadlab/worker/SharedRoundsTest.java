package org.threadlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;
import org.threadlab.work.WorkloadSpec;

/**
 * The supervisor groups the workers of a shared-state lesson into rounds as their descriptors say
 * (WorkloadType.sharedRound), gives a shared-memory round's processes one file, and tells its watchers
 * when a round ends; what a round means is lab's business.
 */
@ExtendWith(NoChildrenLeft.class)
class SharedRoundsTest {
    @Test
    void aRoundEndsWithItsLastWorkerAndCarriesEachWorkersPart() throws Exception {
        List<SharedRounds.Round> ended = new CopyOnWriteArrayList<>();
        List<Integer> last = new CopyOnWriteArrayList<>();
        try (Supervisor s = new Supervisor()) {
            s.onRoundEnded((round, lastWorker) -> {
                ended.add(round);
                last.add(lastWorker);
            });
            s.spawn(WorkerKind.THREAD, WorkloadSpec.parse("sleep duration=100ms"), false);
            // a round is the workers that run together: each takes a second, started a moment apart
            WorkerInfo a = s.spawn(WorkerKind.THREAD, WorkloadSpec.parse("global items=10 pause=100ms group=r1"), false);
            WorkerInfo b = s.spawn(WorkerKind.THREAD, WorkloadSpec.parse("global items=5 pause=200ms group=r1"), false);
            s.joinAll(Duration.ofSeconds(30));
            assertEquals(1, ended.size(), "a sleep is in no round; the two lists are one round: " + ended);
            SharedRounds.Round r = ended.get(0);
            assertEquals("global", r.lesson());
            assertEquals("r1", r.group());
            assertEquals(SharedRounds.Scope.JVM, r.scope());
            assertEquals(List.of(a.id(), b.id()), r.members().stream().map(m -> m.worker().id()).toList());
            assertEquals(List.of(10L, 5L), r.members().stream().map(m -> m.part().each()).toList());
            assertTrue(last.get(0) == a.id() || last.get(0) == b.id());
        }
    }

    @Test
    void processesSharingMemoryGetTheRoundsFile() throws Exception {
        List<SharedRounds.Round> ended = new CopyOnWriteArrayList<>();
        try (Supervisor s = new Supervisor()) {
            s.onRoundEnded((round, lastWorker) -> ended.add(round));
            WorkloadSpec shared = WorkloadSpec.parse("counter mode=atomic increments=1000 memory=shared group=r2");
            s.spawn(WorkerKind.PROCESS, shared, false);
            s.spawn(WorkerKind.PROCESS, shared, false);
            s.joinAll(Duration.ofSeconds(30));
            assertEquals(1, ended.size(), ended.toString());
            assertEquals(SharedRounds.Scope.SHARED_FILE, ended.get(0).scope());
            assertNotNull(ended.get(0).file());
            try (org.threadlab.shared.MappedCounter c = new org.threadlab.shared.MappedCounter(ended.get(0).file())) {
                assertEquals(2000, c.get(), "both processes incremented the one file");
            }
        }
    }

    /**
     * Workers started together are one shared-state round, however fast the first finishes: a counter
     * thread with one increment ends before the next of its spawnRound is started, and once ended the
     * round alone ("2 threads" was told as two rounds of "1 thread"). Repeated: the race is timing's.
     */
    @Test
    void aSpawnRoundsWorkersAreOneSharedRoundEvenWhenTheFirstEndsAtOnce() throws Exception {
        List<SharedRounds.Round> ended = new CopyOnWriteArrayList<>();
        try (Supervisor s = new Supervisor()) {
            s.onRoundEnded((round, lastWorker) -> ended.add(round));
            org.threadlab.work.TypedSpec tiny = org.threadlab.work.Workloads.parse(
                    WorkloadSpec.parse("counter mode=atomic increments=1 group=split"));
            for (int i = 0; i < 100; i++) {
                Supervisor.RoundStart start = s.spawnRound(WorkerKind.THREAD, tiny, 3, false);
                assertEquals(3, start.workers().size(), String.valueOf(start.refused()));
                s.joinAll(Duration.ofSeconds(30));
                assertEquals(i + 1, ended.size(), "round " + (i + 1) + " of 3 threads: rounds told so far, by members: "
                        + ended.stream().map(r -> r.members().size()).toList());
                SharedRounds.Round r = ended.get(i);
                assertEquals(start.workers().stream().map(WorkerInfo::id).toList(),
                        r.members().stream().map(m -> m.worker().id()).toList(), "all three are its members");
                assertTrue(r.members().stream().allMatch(m -> m.worker().round() == start.round().id()));
            }
        }
    }

    /**
     * The interleaving behind a split seen under load: worker 2 ends, and before its thread tells the
     * rounds, worker 3 starts and ends and the spawnRound finishes. The round closes on worker 2's
     * word, and must list worker 3, though worker 3 did not exist when worker 2 ended.
     */
    @Test
    void aRoundClosedLateByAnEarlierWorkersThreadListsTheWorkersStartedMeanwhile() {
        SharedRounds rounds = new SharedRounds();
        org.threadlab.work.TypedSpec spec = org.threadlab.work.Workloads.parse(
                WorkloadSpec.parse("counter mode=atomic increments=1 group=late"));
        java.util.Map<Integer, WorkerInfo> live = new java.util.concurrent.ConcurrentHashMap<>();
        for (int id = 1; id <= 2; id++) {
            rounds.register(id, WorkerKind.THREAD, spec, 7);
            live.put(id, info(id, WorkerState.FINISHED));
        }
        assertTrue(rounds.ended(live.get(1), () -> java.util.Map.copyOf(live)).isEmpty(), "worker 2 and the spawnRound go on");
        rounds.register(3, WorkerKind.THREAD, spec, 7);
        live.put(3, info(3, WorkerState.FINISHED));
        assertTrue(rounds.ended(live.get(3), () -> java.util.Map.copyOf(live)).isEmpty(), "worker 2 has not said it ended");
        assertTrue(rounds.opened(7, () -> java.util.Map.copyOf(live)).isEmpty(), "worker 2 has not said it ended");
        SharedRounds.Round r = rounds.ended(live.get(2), () -> java.util.Map.copyOf(live)).orElseThrow().round();
        assertEquals(List.of(1, 2, 3), r.members().stream().map(m -> m.worker().id()).toList());
    }

    private static WorkerInfo info(int id, WorkerState state) {
        return new WorkerInfo(id, "counter-" + id, WorkerKind.THREAD, WorkloadSpec.of("counter"), false, state, null,
                java.time.Instant.EPOCH, java.time.Instant.EPOCH, 1, 1, 1, -1, -1, -1, null, null, List.of(), false);
    }

    /** A spawnRound cut short by a limit: the workers it did start are one round, and it ends. */
    @Test
    void aRoundCutShortByALimitEndsWithTheWorkersItStarted() throws Exception {
        List<SharedRounds.Round> ended = new CopyOnWriteArrayList<>();
        try (Supervisor s = new Supervisor(new Limits(64, 2, Duration.ofSeconds(2)), false)) {
            s.onRoundEnded((round, lastWorker) -> ended.add(round));
            org.threadlab.work.TypedSpec tiny = org.threadlab.work.Workloads.parse(
                    WorkloadSpec.parse("global items=3 pause=200ms group=cut"));
            Supervisor.RoundStart start = s.spawnRound(WorkerKind.THREAD, tiny, 4, false);
            assertEquals(2, start.workers().size());
            assertNotNull(start.refused());
            s.joinAll(Duration.ofSeconds(30));
            assertEquals(1, ended.size(), ended.toString());
            assertEquals(2, ended.get(0).members().size());
        }
    }
}
