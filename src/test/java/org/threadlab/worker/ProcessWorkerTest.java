package org.threadlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;
import org.threadlab.work.WorkloadSpec;

@ExtendWith(NoChildrenLeft.class)
class ProcessWorkerTest {
    private static final WorkloadSpec LONG_SLEEP = WorkloadSpec.of("sleep").with("duration", "60s");

    private static WorkerInfo awaitTid(Supervisor s, int id) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        WorkerInfo w = s.worker(id).orElseThrow();
        while (w.tid() <= 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
            w = s.worker(id).orElseThrow();
        }
        return w;
    }

    @Test
    void aChildJvmRunsTheWorkAndReportsItsIds() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo w = s.spawn(WorkerKind.PROCESS, WorkloadSpec.of("sleep").with("duration", "1500ms"), false);
            assertTrue(w.pid() > 0 && w.pid() != ProcessHandle.current().pid());
            WorkerInfo live = awaitTid(s, w.id());
            assertTrue(live.tid() > 0 && live.tid() != live.pid(), "tid " + live.tid());
            Optional<ProcessHandle> child = ProcessHandle.of(w.pid());
            assertTrue(child.isPresent());
            assertEquals(ProcessHandle.current().pid(), child.get().parent().orElseThrow().pid(), "threadlab is its parent");
            String cmd = child.get().info().commandLine().orElse("");
            assertTrue(cmd.isEmpty() || cmd.contains("-Dthreadlab.worker=" + w.id()), cmd);
            assertFalse(cmd.contains("lanterna") && cmd.contains("Lanterna"), cmd);
            if (Files.exists(Path.of("/proc/" + w.pid()))) {
                assertEquals("sleep-1", Files.readString(Path.of("/proc/" + w.pid() + "/task/" + live.tid() + "/comm")).trim());
            }
            JoinResult j = s.join(w.id(), Duration.ofSeconds(20));
            assertEquals(WorkerState.FINISHED, j.worker().state(), String.valueOf(j.worker()));
            assertEquals(0, j.worker().exitCode());
            assertEquals("slept 1500ms", j.worker().result());
            assertEquals(j.worker().progressTotal(), j.worker().progressDone());
            assertTrue(j.worker().cpuNanos() > 0);
        }
    }

    @Test
    void terminateSendsSigterm() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo w = s.spawn(WorkerKind.PROCESS, LONG_SLEEP, false);
            awaitTid(s, w.id());
            WorkerInfo end = s.terminate(w.id()).get();
            assertEquals(WorkerState.TERMINATED, end.state());
            assertEquals("terminated by SIGTERM", end.reason());
            assertEquals(143, end.exitCode());
            assertFalse(ProcessHandle.of(w.pid()).map(ProcessHandle::isAlive).orElse(false));
        }
    }

    @Test
    void aProcessIgnoringSigtermGetsSigkillAfterTheGrace() throws Exception {
        try (Supervisor s = new Supervisor(Limits.DEFAULT.withGrace(Duration.ofMillis(500)), false)) {
            WorkerInfo w = s.spawn(WorkerKind.PROCESS, WorkloadSpec.of("cpu").with("units", "30").with("stubborn", "true"), false);
            awaitTid(s, w.id());
            WorkerInfo end = s.terminate(w.id()).get();
            assertEquals(WorkerState.TERMINATED, end.state());
            assertEquals("terminated by SIGKILL", end.reason());
            assertTrue(s.events().recent(20).stream().anyMatch(e -> e.type() == Event.Type.KILLED && e.text().contains("SIGKILL")));
        }
    }

    @Test
    void killFromOutsideIsNoticedAndExplained() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo w = s.spawn(WorkerKind.PROCESS, LONG_SLEEP, false);
            awaitTid(s, w.id());
            ProcessHandle.of(w.pid()).orElseThrow().destroyForcibly();
            JoinResult j = s.join(w.id(), Duration.ofSeconds(10));
            assertEquals(WorkerState.TERMINATED, j.worker().state());
            assertEquals("killed by SIGKILL from outside", j.worker().reason());
        }
    }

    @Test
    void cooperativeStopOverThePipe() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo w = s.spawn(WorkerKind.PROCESS, LONG_SLEEP, false);
            awaitTid(s, w.id());
            s.cancel(w.id());
            JoinResult j = s.join(w.id(), Duration.ofSeconds(10));
            assertEquals(WorkerState.TERMINATED, j.worker().state());
            assertEquals("stopped on request", j.worker().reason());
        }
    }

    @Test
    void aFailingChildSaysWhy() throws Exception {
        try (Supervisor s = new Supervisor()) {
            // a damaged internal parameter is caught where the spec is read, before any child starts
            IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> s.spawn(WorkerKind.PROCESS, WorkloadSpec.of("cpu").with("_unit", "oops"), false));
            assertTrue(bad.getMessage().contains("_unit must be a whole number"), bad.getMessage());
            assertTrue(s.workers().isEmpty());
            // a child that fails says why, and threadlab carries on
            WorkerInfo w = s.spawn(WorkerKind.PROCESS, WorkloadSpec.of("crash").with("after", "0s"), false);
            JoinResult j = s.join(w.id(), Duration.ofSeconds(10));
            assertEquals(WorkerState.FAILED, j.worker().state());
            assertEquals(1, j.worker().exitCode());
            assertTrue(j.worker().reason().contains("crash"), j.worker().reason());
        }
    }

    @Test
    void daemonProcessesAreKilledAtShutdownOthersJoined() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo daemon = s.spawn(WorkerKind.PROCESS, LONG_SLEEP, true);
            WorkerInfo plain = s.spawn(WorkerKind.PROCESS, WorkloadSpec.of("sleep").with("duration", "500ms"), false);
            s.shutdown(false);
            assertEquals(WorkerState.TERMINATED, s.worker(daemon.id()).orElseThrow().state());
            assertEquals(WorkerState.FINISHED, s.worker(plain.id()).orElseThrow().state());
        }
    }

    @Test
    void processLimitIsEnforced() throws Exception {
        try (Supervisor s = new Supervisor(new Limits(1, 10, Duration.ofSeconds(1)), false)) {
            s.spawn(WorkerKind.PROCESS, LONG_SLEEP, false);
            SpawnRefused e = assertThrows(SpawnRefused.class, () -> s.spawn(WorkerKind.PROCESS, LONG_SLEEP, false));
            assertTrue(e.getMessage().contains("limit of 1 live processes"), e.getMessage());
        }
    }

    @Test
    void aMissingJavaIsAClearRefusal() {
        String old = System.getProperty("threadlab.java");
        System.setProperty("threadlab.java", "/nonexistent/bin/java");
        try (Supervisor s = new Supervisor()) {
            SpawnRefused e = assertThrows(SpawnRefused.class, () -> s.spawn(WorkerKind.PROCESS, LONG_SLEEP, false));
            assertTrue(e.getMessage().contains("no java executable"), e.getMessage());
            assertTrue(s.workers().isEmpty());
        } finally {
            if (old == null) {
                System.clearProperty("threadlab.java");
            } else {
                System.setProperty("threadlab.java", old);
            }
        }
    }

    @Test
    void aProcessPoolMapsWithChildProcesses() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo w = s.spawn(WorkerKind.THREAD, WorkloadSpec.of("pool").with("inputs", "6").with("workers", "2")
                    .with("pool", "process").with("task", "sleep").with("cost", "50ms"), false);
            JoinResult j = s.join(w.id(), Duration.ofSeconds(30));
            assertEquals(WorkerState.FINISHED, j.worker().state(), String.valueOf(j.worker()));
            assertEquals("mapped x*x over 6 inputs with 2 processes: [0, 1, 4, 9, 16, 25]", j.worker().result());
        }
    }

    @Test
    void anExternalProgramRunsUnderAWatchdogAndIsWhatWeShowAndSignal() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sleep")) && Files.exists(Path.of("/proc/self")));
        try (Supervisor s = new Supervisor()) {
            assertThrows(SpawnRefused.class, () -> s.spawn(WorkerKind.THREAD, WorkloadSpec.of("exec").with("cmd", "sleep 30"), false));
            WorkerInfo w = s.spawn(WorkerKind.PROCESS, WorkloadSpec.of("exec").with("cmd", "/bin/sleep 30"), false);
            WorkerInfo live = awaitTid(s, w.id());
            long until = System.nanoTime() + 10_000_000_000L;
            while (live.status() == null && System.nanoTime() < until) {
                Thread.sleep(10);
                live = s.worker(w.id()).orElseThrow();
            }
            long program = live.pid();
            assertEquals(program, live.tid(), "a program's main thread");
            assertTrue(Files.readString(Path.of("/proc/" + program + "/cmdline")).startsWith("/bin/sleep\u000030"));
            assertTrue(Files.readString(Path.of("/proc/" + program + "/environ")).contains("THREADLAB_WORKER=" + w.id()));
            long watchdog = ProcessHandle.of(program).orElseThrow().parent().orElseThrow().pid();
            assertEquals(ProcessHandle.current().pid(), ProcessHandle.of(watchdog).orElseThrow().parent().orElseThrow().pid());
            assertTrue(live.status().startsWith("run by watchdog pid " + watchdog), live.status());
            WorkerInfo end = s.terminate(w.id()).get();
            assertEquals(WorkerState.TERMINATED, end.state());
            assertEquals("terminated by SIGTERM", end.reason());
            assertFalse(ProcessHandle.of(program).map(ProcessHandle::isAlive).orElse(false));
        }
    }

    @Test
    void anExternalProgramsExitCodeDecidesFinishedOrFailed() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/true")) && Files.isExecutable(Path.of("/bin/false")));
        try (Supervisor s = new Supervisor()) {
            WorkerInfo ok = s.spawn(WorkerKind.PROCESS, WorkloadSpec.of("exec").with("cmd", "/bin/true"), false);
            WorkerInfo bad = s.spawn(WorkerKind.PROCESS, WorkloadSpec.of("exec").with("cmd", "/bin/false"), false);
            assertEquals(WorkerState.FINISHED, s.join(ok.id(), Duration.ofSeconds(20)).worker().state());
            WorkerInfo failed = s.join(bad.id(), Duration.ofSeconds(20)).worker();
            assertEquals(WorkerState.FAILED, failed.state());
            assertEquals("/bin/false exited with code 1", failed.reason());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.spawn(WorkerKind.PROCESS, WorkloadSpec.of("exec").with("cmd", "no-such-program-x --y"), false));
            assertTrue(e.getMessage().contains("no program 'no-such-program-x'"), e.getMessage());
        }
    }
}
