package org.threadlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;
import org.threadlab.model.ModelHub;
import org.threadlab.sample.Sampler;
import org.threadlab.model.Snapshot;
import org.threadlab.model.WorkerSample;
import org.threadlab.work.WorkloadSpec;

/**
 * Every process threadlab starts is a worker: a process pool's members and a queue's consumer are
 * shown under their owner, counted against --max-processes, measured, stopped and reaped like any other.
 */
@ExtendWith(NoChildrenLeft.class)
class MemberProcessesTest {
    private static final long SELF = ProcessHandle.current().pid();

    private static WorkloadSpec processPool(int members, int inputs, String cost) {
        return WorkloadSpec.of("pool").with("pool", "process").with("workers", Integer.toString(members))
                .with("inputs", Integer.toString(inputs)).with("task", "sleep").with("cost", cost);
    }

    private static List<WorkerInfo> members(Supervisor s, int owner) {
        return s.workers().stream().filter(w -> w.owner() == owner).toList();
    }

    /** Waits for a condition on the supervisor's workers; fails loudly with what it saw after 20 s. */
    private static List<WorkerInfo> await(Supervisor s, int owner, Predicate<List<WorkerInfo>> test, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        List<WorkerInfo> m = members(s, owner);
        while (!test.test(m) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            m = members(s, owner);
        }
        assertTrue(test.test(m), what + ": " + m);
        return m;
    }

    @Test
    void aThreadsProcessPoolShowsEachMemberAsAProcessOfThreadlab() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo pool = s.spawn(WorkerKind.THREAD, processPool(2, 4, "300ms"), false);
            List<WorkerInfo> live = await(s, pool.id(), m -> m.size() == 2 && m.stream().allMatch(w -> w.tid() > 0),
                    "two members with their work thread's id");
            for (WorkerInfo m : live) {
                assertEquals(WorkerKind.PROCESS, m.kind());
                assertTrue(m.isMember());
                assertEquals("pool-member", m.workload().type());
                assertEquals(SELF, ProcessHandle.of(m.pid()).orElseThrow().parent().orElseThrow().pid(), "threadlab's own child");
                assertTrue(m.name().startsWith(pool.name() + "."), m.name());
            }
            assertTrue(s.events().recent(50).stream().anyMatch(e -> e.text().startsWith("started process " + live.get(0).name()
                    + " (pid " + live.get(0).pid() + ", for " + pool.name() + ")")));
            List<JoinResult> joined = s.joinAll(Duration.ofSeconds(30));
            assertEquals(1, joined.size(), "members are not joined one by one: they end with their owner");
            assertEquals(WorkerState.FINISHED, joined.get(0).worker().state());
            for (WorkerInfo m : members(s, pool.id())) {
                assertEquals(WorkerState.FINISHED, m.state(), String.valueOf(m));
                assertEquals(0, m.exitCode());
                assertTrue(m.result().matches("served \\d tasks?"), m.result());
                assertTrue(m.cpuNanos() > 0, "its CPU time, reported at its end");
                assertFalse(ProcessHandle.of(m.pid()).map(ProcessHandle::isAlive).orElse(false));
            }
        }
    }

    @Test
    void aProcessesPoolAndQueueConsumerAreShownUnderTheirOwnerProcess() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo pool = s.spawn(WorkerKind.PROCESS, processPool(2, 4, "300ms"), false);
            List<WorkerInfo> live = await(s, pool.id(), m -> m.size() == 2 && m.stream().allMatch(w -> w.tid() > 0),
                    "two members reported over the owner's pipe");
            for (WorkerInfo m : live) {
                assertEquals(pool.pid(), ProcessHandle.of(m.pid()).orElseThrow().parent().orElseThrow().pid(), "the owner's child");
            }
            WorkerInfo queue = s.spawn(WorkerKind.PROCESS, WorkloadSpec.of("queue").with("items", "20"), false);
            s.joinAll(Duration.ofSeconds(60));
            List<WorkerInfo> consumer = members(s, queue.id());
            assertEquals(1, consumer.size(), String.valueOf(s.workers()));
            assertEquals(queue.name() + "-consumer", consumer.get(0).name());
            assertEquals(WorkerState.FINISHED, consumer.get(0).state(), String.valueOf(consumer.get(0)));
            assertEquals("got all 20 in FIFO order", consumer.get(0).result().replaceAll(" \\(.*", ""));
            for (WorkerInfo m : members(s, pool.id())) {
                assertEquals(WorkerState.FINISHED, m.state(), String.valueOf(m));
                assertTrue(m.result().startsWith("served "), m.result());
            }
        }
    }

    @Test
    void membersCountAgainstTheProcessLimit() throws Exception {
        try (Supervisor s = new Supervisor(new Limits(4, 100, Duration.ofSeconds(1)), false)) {
            SpawnRefused five = assertThrows(SpawnRefused.class, () -> s.spawn(WorkerKind.PROCESS, processPool(4, 8, "1s"), false));
            assertEquals("it needs 5 processes (pool in a process with a pool of 4 processes), over the limit of 4 live processes",
                    five.getMessage());
            WorkerInfo pool = s.spawn(WorkerKind.THREAD, processPool(4, 8, "2s"), false);
            SpawnRefused more = assertThrows(SpawnRefused.class,
                    () -> s.spawn(WorkerKind.PROCESS, WorkloadSpec.of("sleep").with("duration", "1s"), false));
            assertEquals("the limit of 4 live processes is reached", more.getMessage());
            s.terminate(pool.id()).get();
            await(s, pool.id(), m -> m.stream().allMatch(w -> w.state().ended()), "members end with their owner");
            // the owner and its members are gone: the limit is free again
            WorkerInfo sleep = s.spawn(WorkerKind.PROCESS, WorkloadSpec.of("sleep").with("duration", "100ms"), false);
            assertEquals(WorkerState.FINISHED, s.join(sleep.id(), Duration.ofSeconds(20)).worker().state());
        }
    }

    @Test
    void aMemberCanBeKilledLikeAnyProcessAndItsPoolSaysSo() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo pool = s.spawn(WorkerKind.THREAD, processPool(2, 20, "1s"), false);
            List<WorkerInfo> live = await(s, pool.id(), m -> m.size() == 2 && m.stream().allMatch(w -> w.tid() > 0), "two members");
            WorkerInfo killed = s.kill(live.get(0).id()).get();
            assertEquals(WorkerState.TERMINATED, killed.state());
            assertEquals("terminated by SIGKILL", killed.reason());
            WorkerInfo end = s.join(pool.id(), Duration.ofSeconds(30)).worker();
            assertEquals(WorkerState.FAILED, end.state());
            assertTrue(end.reason().contains("pool process 1 (pid " + live.get(0).pid() + ") exited early"), end.reason());
            await(s, pool.id(), m -> m.stream().allMatch(w -> w.state().ended()), "the other member ends with the pool");
        }
    }

    @Test
    void theSamplerMeasuresMembersLikeAnyProcess() throws Exception {
        try (Supervisor s = new Supervisor(); ModelHub sampler = ModelHub.manual(new Sampler(Duration.ofMillis(200)), s)) {
            WorkerInfo pool = s.spawn(WorkerKind.PROCESS, processPool(2, 20, "1s"), false);
            await(s, pool.id(), m -> m.size() == 2 && m.stream().allMatch(w -> w.tid() > 0), "two members");
            sampler.sampleNow();
            Thread.sleep(300);
            Snapshot snap = sampler.sampleNow();
            List<WorkerSample> rows = snap.workers().stream().filter(w -> w.info().owner() == pool.id()).toList();
            assertEquals(2, rows.size());
            for (WorkerSample w : rows) {
                assertTrue(w.memoryBytes() > 1_000_000, "a member JVM's RSS: " + w.memoryBytes());
                assertFalse(Double.isNaN(w.cpuPercent()), "a member's CPU%");
                assertTrue(snap.process(w.info().pid()).isPresent(), "its threads are sampled too");
            }
            s.terminate(pool.id()).get();
        }
    }

    @Test
    void aMemberAChildMakesUpIsNotBelieved() {
        ProcessWorker w = new ProcessWorker(1, "pool-1", org.threadlab.work.Workloads.parse(WorkloadSpec.of("pool")), false, new Worker.Listener() {
            @Override public void started(Worker x) { }
            @Override public void ended(Worker x) { }
        }, 0, false, 0);
        MemberSet set = new MemberSet((owner, name, spec, pid, process) -> {
            throw new AssertionError("a member that is not the child's own child was added: pid " + pid);
        });
        set.bind(w);
        w.members = set;
        // pid 1 is init, nobody's member: threadlab would otherwise signal it on a stop
        w.handle("member pid=1 name=pool-1.1 type=pool-member");
        assertEquals(1, w.malformedLines());
    }
}
