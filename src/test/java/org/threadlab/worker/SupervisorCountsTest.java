package org.threadlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;
import org.threadlab.work.WorkloadSpec;

/**
 * What the supervisor counts as workers start and end rather than by a scan of every worker: the live
 * threads against the limit, the ended ones it keeps; and a worker's view made again only on a change.
 */
@ExtendWith(NoChildrenLeft.class)
class SupervisorCountsTest {
    private static final WorkloadSpec SHORT = WorkloadSpec.of("sleep").with("duration", "50ms");
    private static final WorkloadSpec LONG = WorkloadSpec.of("sleep").with("duration", "30s");

    @Test
    void theThreadLimitCountsOnlyLiveThreadsAndFreesAsTheyEnd() throws Exception {
        try (Supervisor s = new Supervisor(new Limits(1, 3, Duration.ofMillis(500)), false)) {
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 3; i++) {
                    s.spawn(WorkerKind.THREAD, SHORT, false);
                }
                assertThrows(SpawnRefused.class, () -> s.spawn(WorkerKind.THREAD, LONG, false), "three live: the fourth waits");
                s.joinAll(Duration.ofSeconds(10));
            }
            // clearing the ended changes nothing of the count: it is of live threads only
            assertEquals(9, s.clearEnded());
            WorkerInfo a = s.spawn(WorkerKind.THREAD, LONG, false);
            s.spawn(WorkerKind.THREAD, LONG, false);
            s.spawn(WorkerKind.THREAD, LONG, false);
            assertThrows(SpawnRefused.class, () -> s.spawn(WorkerKind.THREAD, LONG, false));
            s.terminate(a.id()).get();
            s.spawn(WorkerKind.THREAD, LONG, false);
        }
    }

    @Test
    void endedWorkersPastTheCapGoOldestFirstAfterAClear() throws Exception {
        try (Supervisor s = new Supervisor()) {
            for (int i = 0; i < 10; i++) {
                s.spawn(WorkerKind.THREAD, SHORT, false);
            }
            s.joinAll(null);
            assertEquals(10, s.clearEnded());
            for (int batch = 0; batch < 6; batch++) {
                for (int i = 0; i < 100; i++) {
                    s.spawn(WorkerKind.THREAD, WorkloadSpec.of("sleep").with("duration", "1ms"), false);
                }
                s.joinAll(null);
            }
            // the ten cleared do not count: 500 kept, the newest
            assertEquals(Supervisor.MAX_ENDED, s.workers().size());
            assertEquals(610, s.workers().get(s.workers().size() - 1).id());
            assertEquals(111, s.workers().get(0).id());
        }
    }

    @Test
    void aWorkersViewIsTheSameObjectUntilSomethingInItChanges() throws Exception {
        try (Supervisor s = new Supervisor()) {
            // an hour's sleep moves its progress every 36 s: nothing changes between two looks
            WorkerInfo w = s.spawn(WorkerKind.THREAD, WorkloadSpec.of("sleep").with("duration", "1h"), false);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (s.worker(w.id()).orElseThrow().tid() <= 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            WorkerInfo first = s.worker(w.id()).orElseThrow();
            assertSame(first, s.worker(w.id()).orElseThrow(), "nothing changed: the same view");
            s.cancel(w.id());
            s.join(w.id(), Duration.ofSeconds(10));
            WorkerInfo ended = s.worker(w.id()).orElseThrow();
            assertNotSame(first, ended);
            assertTrue(ended.state().ended(), ended.state().label());
            assertTrue(ended.cancelRequested());
            assertEquals(ended, s.worker(w.id()).orElseThrow());
        }
    }
}
