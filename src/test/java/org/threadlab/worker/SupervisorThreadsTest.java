package org.threadlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;
import org.threadlab.work.WorkloadSpec;

@ExtendWith(NoChildrenLeft.class)
class SupervisorThreadsTest {
    private static final WorkloadSpec SHORT_SLEEP = WorkloadSpec.of("sleep").with("duration", "200ms");
    private static final WorkloadSpec LONG_SLEEP = WorkloadSpec.of("sleep").with("duration", "30s");

    private static boolean hasEvent(Supervisor s, Event.Type type, int id) {
        return s.events().recent(1000).stream().anyMatch(e -> e.type() == type && e.workerId() == id);
    }

    @Test
    void aThreadStartsRunsAndIsJoined() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo w = s.spawn(WorkerKind.THREAD, SHORT_SLEEP, false);
            assertEquals("sleep-1", w.name());
            assertEquals(ProcessHandle.current().pid(), w.pid());
            JoinResult j = s.join(w.id(), Duration.ofSeconds(10));
            assertFalse(j.timedOut());
            WorkerInfo done = j.worker();
            assertEquals(WorkerState.FINISHED, done.state());
            assertTrue(done.tid() > 0, "native tid " + done.tid());
            assertTrue(done.tid() != done.pid(), "the work thread is not the main thread");
            assertEquals(done.progressTotal(), done.progressDone());
            assertEquals("slept 200ms", done.result());
            assertTrue(hasEvent(s, Event.Type.STARTED, w.id()));
            assertTrue(hasEvent(s, Event.Type.FINISHED, w.id()));
            assertTrue(hasEvent(s, Event.Type.JOINED, w.id()));
        }
    }

    @Test
    void aRunningThreadShowsItsNativeThreadUnderProc() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo w = s.spawn(WorkerKind.THREAD, LONG_SLEEP, false);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (s.worker(w.id()).orElseThrow().tid() <= 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            WorkerInfo live = s.worker(w.id()).orElseThrow();
            java.nio.file.Path comm = java.nio.file.Path.of("/proc/self/task/" + live.tid() + "/comm");
            if (java.nio.file.Files.exists(java.nio.file.Path.of("/proc/self/task"))) {
                assertEquals("sleep-1", java.nio.file.Files.readString(comm).trim());
            }
            assertEquals(WorkerState.WAITING, live.state());
        }
    }

    @Test
    void joinTimesOutAndSaysSo() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo w = s.spawn(WorkerKind.THREAD, LONG_SLEEP, false);
            JoinResult j = s.join(w.id(), Duration.ofMillis(150));
            assertTrue(j.timedOut());
            assertTrue(j.worker().state().alive());
            assertTrue(j.waited().toMillis() >= 140);
            assertTrue(hasEvent(s, Event.Type.JOIN_TIMEOUT, w.id()));
        }
    }

    @Test
    void terminateInterruptsAThread() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo w = s.spawn(WorkerKind.THREAD, LONG_SLEEP, false);
            WorkerInfo end = s.terminate(w.id()).get();
            assertEquals(WorkerState.TERMINATED, end.state());
            assertEquals("stopped on request", end.reason());
        }
    }

    @Test
    void aStubbornThreadIsReportedHonestly() throws Exception {
        try (Supervisor s = new Supervisor(Limits.DEFAULT.withGrace(Duration.ofMillis(200)), false)) {
            // about 4 s of one core: longer than kill's wait (grace + 2 s) on any machine, so the join below comes after it
            WorkerInfo w = s.spawn(WorkerKind.THREAD, WorkloadSpec.of("cpu").with("units", "4").with("stubborn", "true"), false);
            WorkerInfo after = s.kill(w.id()).get();
            // it keeps running: a thread cannot be killed
            assertTrue(hasEvent(s, Event.Type.STUBBORN, w.id()), s.events().recent(20).toString());
            JoinResult j = s.join(w.id(), Duration.ofSeconds(120));
            assertEquals(WorkerState.FINISHED, j.worker().state(), "it ends only when its work is done, and join waits for that");
            assertNotNull(after);
        }
    }

    @Test
    void shutdownKillsDaemonsAndJoinsTheRest() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo daemon = s.spawn(WorkerKind.THREAD, LONG_SLEEP, true);
            WorkerInfo plain = s.spawn(WorkerKind.THREAD, WorkloadSpec.of("sleep").with("duration", "300ms"), false);
            s.shutdown(false);
            assertEquals(WorkerState.TERMINATED, s.worker(daemon.id()).orElseThrow().state());
            assertEquals(WorkerState.FINISHED, s.worker(plain.id()).orElseThrow().state());
            assertTrue(hasEvent(s, Event.Type.DAEMON_KILLED, daemon.id()));
            assertThrows(SpawnRefused.class, () -> s.spawn(WorkerKind.THREAD, SHORT_SLEEP, false));
        }
    }

    @Test
    void shutdownCanKillNonDaemonsToo() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo plain = s.spawn(WorkerKind.THREAD, LONG_SLEEP, false);
            long start = System.nanoTime();
            s.shutdown(true);
            assertEquals(WorkerState.TERMINATED, s.worker(plain.id()).orElseThrow().state());
            assertTrue(System.nanoTime() - start < 10_000_000_000L);
        }
    }

    @Test
    void limitsAreEnforcedWithAClearRefusal() throws Exception {
        try (Supervisor s = new Supervisor(new Limits(1, 2, Duration.ofSeconds(1)), false)) {
            s.spawn(WorkerKind.THREAD, LONG_SLEEP, false);
            s.spawn(WorkerKind.THREAD, LONG_SLEEP, false);
            SpawnRefused e = assertThrows(SpawnRefused.class, () -> s.spawn(WorkerKind.THREAD, LONG_SLEEP, false));
            assertTrue(e.getMessage().contains("limit of 2 live threads"), e.getMessage());
            assertTrue(s.events().recent(5).stream().anyMatch(ev -> ev.type() == Event.Type.REFUSED));
            List<WorkerInfo> all = s.workers();
            assertEquals(2, all.size());
        }
    }

    @Test
    void memoryBeyondTheHeapIsRefused() {
        try (Supervisor s = new Supervisor()) {
            long tooMuch = Runtime.getRuntime().maxMemory() * 2;
            SpawnRefused e = assertThrows(SpawnRefused.class, () -> s.spawn(WorkerKind.THREAD,
                    WorkloadSpec.of("memory").with("size", (tooMuch >> 20) + "MiB"), false));
            assertTrue(e.getMessage().contains("heap"), e.getMessage());
            assertTrue(s.workers().isEmpty());
        }
    }

    @Test
    void aProcessIsRefusedTheMemoryTheSuppliedFigureSaysTheMachineLacks() {
        // the supervisor is given the machine's available memory: it does not measure it (no sample/ import)
        try (Supervisor s = new Supervisor(Limits.DEFAULT, false, () -> 64L << 20)) {
            SpawnRefused e = assertThrows(SpawnRefused.class, () -> s.spawn(WorkerKind.PROCESS,
                    WorkloadSpec.of("memory").with("size", "1GiB"), false));
            assertTrue(e.getMessage().contains("the machine has only 64"), e.getMessage());
            assertTrue(s.workers().isEmpty(), "nothing was started");
        }
    }

    @Test
    @org.junit.jupiter.api.Tag("jdk21") // both branches: refused on 17, run on 21+ (.ci/run)
    void virtualThreadsFollowTheJavaVersion() throws Exception {
        try (Supervisor s = new Supervisor()) {
            if (VirtualThreads.available()) {
                WorkerInfo w = s.spawn(WorkerKind.VIRTUAL, SHORT_SLEEP, false);
                JoinResult j = s.join(w.id(), Duration.ofSeconds(10));
                assertEquals(WorkerState.FINISHED, j.worker().state());
                assertEquals(-1, j.worker().tid(), "a virtual thread has no native thread of its own");
            } else {
                SpawnRefused e = assertThrows(SpawnRefused.class, () -> s.spawn(WorkerKind.VIRTUAL, SHORT_SLEEP, false));
                assertTrue(e.getMessage().contains("Java 21"), e.getMessage());
            }
        }
    }

    @Test
    void clearRemovesOnlyEndedWorkers() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo a = s.spawn(WorkerKind.THREAD, SHORT_SLEEP, false);
            s.spawn(WorkerKind.THREAD, LONG_SLEEP, false);
            s.join(a.id(), Duration.ofSeconds(10));
            assertEquals(1, s.clearEnded());
            assertEquals(1, s.workers().size());
        }
    }

    @Test
    void theGilSerialisesThreadWorkersAndShowsWhoHoldsIt() throws Exception {
        try (Supervisor s = new Supervisor(Limits.DEFAULT, true)) {
            s.spawn(WorkerKind.THREAD, WorkloadSpec.of("cpu").with("units", "0.5"), false);
            s.spawn(WorkerKind.THREAD, WorkloadSpec.of("cpu").with("units", "0.5"), false);
            boolean sawBlocked = false;
            boolean sawHolder = false;
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline && s.workers().stream().anyMatch(w -> w.state().alive())) {
                sawBlocked |= s.workers().stream().anyMatch(w -> w.state() == WorkerState.BLOCKED);
                sawHolder |= s.gil().state().holder() != null;
                Thread.sleep(2);
            }
            assertTrue(sawHolder, "somebody held the GIL");
            assertTrue(sawBlocked, "a worker waiting for the GIL shows as blocked");
            s.setGil(false);
            assertTrue(s.events().recent(5).stream().anyMatch(e -> e.type() == Event.Type.GIL && e.text().contains("off")));
        }
    }

    @Test
    void aThrowingThreadFailsWithItsReasonAndExitIsRefusedForThreads() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo w = s.spawn(WorkerKind.THREAD, WorkloadSpec.of("crash").with("after", "0s"), false);
            WorkerInfo end = s.join(w.id(), Duration.ofSeconds(10)).worker();
            assertEquals(WorkerState.FAILED, end.state());
            assertEquals("crashed on purpose: an exception escaped the workload", end.reason());
            SpawnRefused e = assertThrows(SpawnRefused.class,
                    () -> s.spawn(WorkerKind.THREAD, WorkloadSpec.of("crash").with("how", "exit"), false));
            assertTrue(e.getMessage().contains("System.exit would end threadlab's whole JVM"), e.getMessage());
            // threadlab carries on
            WorkerInfo next = s.spawn(WorkerKind.THREAD, SHORT_SLEEP, false);
            assertEquals(WorkerState.FINISHED, s.join(next.id(), Duration.ofSeconds(10)).worker().state());
        }
    }
}
