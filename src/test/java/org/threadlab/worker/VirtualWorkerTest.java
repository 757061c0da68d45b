package org.threadlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.threadlab.work.WorkloadSpec;

/**
 * Virtual-thread workers through the supervisor, as `v` and `--as virtual` start them. They need
 * Java 21+: skipped, with the reason, on the Java 17 CI runs; `.ci/run` runs them (tag "jdk21")
 * again on a newer JDK when the machine has one.
 */
@Tag("jdk21")
@EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "virtual threads need Java 21 or newer")
class VirtualWorkerTest {
    private static final long DEADLINE_NANOS = 30_000_000_000L;

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 30 s for " + what);
            }
            Thread.sleep(5);
        }
    }

    private static boolean hasEvent(Supervisor s, Event.Type type, int id) {
        return s.events().recent(1000).stream().anyMatch(e -> e.type() == type && e.workerId() == id);
    }

    @Test
    void aVirtualWorkerRunsInThisJvmAndFinishes() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo w = s.spawn(WorkerKind.VIRTUAL, WorkloadSpec.of("sleep").with("duration", "30s"), false);
            assertEquals(WorkerKind.VIRTUAL, w.kind());
            assertEquals("sleep-1", w.name());
            await("the virtual worker to start", () -> s.worker(w.id()).orElseThrow().state() != WorkerState.NEW);
            WorkerInfo live = s.worker(w.id()).orElseThrow();
            assertTrue(live.state().alive(), live.toString());
            assertEquals(ProcessHandle.current().pid(), live.pid(), "it runs in threadlab's own JVM");
            assertEquals(-1, live.tid(), "a virtual thread has no native thread of its own");
            assertTrue(hasEvent(s, Event.Type.STARTED, w.id()));

            WorkerInfo short1 = s.spawn(WorkerKind.VIRTUAL, WorkloadSpec.of("sleep").with("duration", "200ms"), false);
            JoinResult j = s.join(short1.id(), Duration.ofSeconds(30));
            assertEquals(WorkerState.FINISHED, j.worker().state(), String.valueOf(j.worker()));
            assertEquals("slept 200ms", j.worker().result());
            assertEquals(j.worker().progressTotal(), j.worker().progressDone());
            assertTrue(hasEvent(s, Event.Type.FINISHED, short1.id()));
            assertTrue(hasEvent(s, Event.Type.JOINED, short1.id()));

            WorkerInfo end = s.terminate(w.id()).get();
            assertEquals(WorkerState.TERMINATED, end.state());
            assertEquals("stopped on request", end.reason());
        }
    }

    @Test
    void aCpuWorkloadOnAVirtualThreadCompletesAndAThrowingOneFails() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo cpu = s.spawn(WorkerKind.VIRTUAL, WorkloadSpec.of("cpu").with("units", "0.05"), false);
            WorkerInfo crash = s.spawn(WorkerKind.VIRTUAL, WorkloadSpec.of("crash").with("after", "0s"), false);
            WorkerInfo burned = s.join(cpu.id(), Duration.ofSeconds(30)).worker();
            assertEquals(WorkerState.FINISHED, burned.state(), String.valueOf(burned));
            assertTrue(burned.result().startsWith("burned"), burned.result());
            WorkerInfo failed = s.join(crash.id(), Duration.ofSeconds(30)).worker();
            assertEquals(WorkerState.FAILED, failed.state());
            assertEquals("crashed on purpose: an exception escaped the workload", failed.reason());
        }
    }

    @Test
    void manyVirtualSleepersShareAFewCarrierThreads() throws Exception {
        try (Supervisor s = new Supervisor()) {
            int before = ManagementFactory.getThreadMXBean().getThreadCount();
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                ids.add(s.spawn(WorkerKind.VIRTUAL, WorkloadSpec.of("sleep").with("duration", "30s"), true).id());
            }
            await("500 virtual workers to start", () -> s.workers().stream().noneMatch(w -> w.state() == WorkerState.NEW));
            int during = ManagementFactory.getThreadMXBean().getThreadCount();
            // 500 platform threads would add 500 OS threads; virtual ones add a carrier per core and a little more
            assertTrue(during - before < 100, "OS threads: " + before + " before, " + during + " with 500 virtual sleepers");
            assertEquals(500, s.workers().stream().filter(w -> w.state().alive()).count());
        }
    }

    @Test
    void theSimulatedGilSerialisesVirtualWorkersToo() throws Exception {
        try (Supervisor s = new Supervisor(Limits.DEFAULT, true)) {
            WorkerInfo a = s.spawn(WorkerKind.VIRTUAL, WorkloadSpec.of("cpu").with("units", "30"), false);
            WorkerInfo b = s.spawn(WorkerKind.VIRTUAL, WorkloadSpec.of("cpu").with("units", "30"), false);
            // one holds the GIL while the other waits for it: the wait shows as BLOCKED
            await("one virtual worker blocked on the GIL while the other holds it", () -> s.gil().state().holder() != null
                    && s.workers().stream().anyMatch(w -> w.state() == WorkerState.BLOCKED));
            String holder = s.gil().state().holder();
            assertTrue(holder.equals(a.name()) || holder.equals(b.name()), holder);
            s.terminate(a.id()).get();
            s.terminate(b.id()).get();
        }
    }
}
