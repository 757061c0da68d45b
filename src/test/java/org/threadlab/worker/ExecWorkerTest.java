package org.threadlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;
import org.threadlab.work.WorkloadSpec;

/** Exec workers: what their program prints, which PID and exit code they show, and how they end at exit. */
@ExtendWith(NoChildrenLeft.class)
class ExecWorkerTest {
    @BeforeAll
    static void linuxTools() {
        Assumptions.assumeTrue(Files.exists(Path.of("/proc/self")) && Files.isExecutable(Path.of("/bin/echo"))
                && Files.isExecutable(Path.of("/bin/ls")) && Files.isExecutable(Path.of("/bin/sleep")), "needs /proc and coreutils");
    }

    private static WorkerInfo exec(Supervisor s, String cmd) {
        return s.spawn(WorkerKind.PROCESS, WorkloadSpec.of("exec").with("cmd", cmd), false);
    }

    /** Waits until the watchdog has started the program and threadlab knows it; fails loudly after 20 s. */
    private static long awaitProgram(Supervisor s, WorkerInfo w) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> kids = ProcessHandle.of(w.pid()).map(p -> p.children().toList()).orElse(List.of());
            if (!kids.isEmpty()) {
                return kids.get(0).pid();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the watchdog " + w.pid() + " started no program within 20 s");
    }

    @Test
    void theProgramsStdoutIsKeptAndItsLastLineEndsTheResult() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo w = exec(s, "/bin/echo 4 busy threads took 1.02s");
            WorkerInfo end = s.join(w.id(), Duration.ofSeconds(20)).worker();
            assertEquals(WorkerState.FINISHED, end.state(), String.valueOf(end));
            assertEquals(List.of("4 busy threads took 1.02s"), end.stdoutTail());
            assertEquals("/bin/echo exited with code 0: 4 busy threads took 1.02s", end.result());
        }
    }

    @Test
    void aFailureShowsOneExitCodeThePrograms() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo w = exec(s, "/bin/ls /no/such/file-for-threadlab");
            WorkerInfo end = s.join(w.id(), Duration.ofSeconds(20)).worker();
            assertEquals(WorkerState.FAILED, end.state());
            // GNU ls exits 2 for a missing operand; the watchdog's own code (1) must not show instead
            assertEquals(2, end.exitCode(), String.valueOf(end));
            assertTrue(end.reason().startsWith("/bin/ls exited with code 2: "), end.reason());
            assertTrue(end.reason().contains("No such file or directory"), end.reason());
            assertTrue(end.stderrTail().stream().anyMatch(l -> l.contains("file-for-threadlab")), end.stderrTail().toString());
        }
    }

    @Test
    void theStartEventNamesTheProgramsPidAndTheWatchdogAsSuch() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo w = exec(s, "/bin/sleep 30");
            long watchdog = w.pid();
            long program = awaitProgram(s, w);
            long deadline = System.nanoTime() + 20_000_000_000L;
            Event started = null;
            while (started == null && System.nanoTime() < deadline) {
                started = s.events().recent(50).stream().filter(e -> e.type() == Event.Type.STARTED).findFirst().orElse(null);
                Thread.sleep(10);
            }
            assertTrue(started != null, "no start event in 20 s");
            assertTrue(started.text().startsWith("started process " + w.name() + " (pid " + program + ", run by watchdog pid "
                    + watchdog + ")"), started.text());
            assertEquals(program, s.worker(w.id()).orElseThrow().pid());
        }
    }

    @Test
    void anEmergencyStopLetsTheWatchdogKillItsProgramBeforeAnySigkill() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo w = exec(s, "/bin/sleep 60");
            long watchdog = w.pid();
            long program = awaitProgram(s, w);
            s.emergencyStop();
            WorkerInfo end = s.join(w.id(), Duration.ofSeconds(10)).worker();
            // the watchdog waits for its program before it goes; a reaped PID can linger a moment in /proc
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (ProcessHandle.of(program).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertFalse(ProcessHandle.of(program).map(ProcessHandle::isAlive).orElse(false), "the program outlived the stop");
            assertFalse(ProcessHandle.of(watchdog).map(ProcessHandle::isAlive).orElse(false), "the watchdog outlived the stop");
            // the watchdog went by itself, its stdin closed (exit code 4), after killing its program: no SIGKILL from us
            assertEquals(4, end.exitCode(), String.valueOf(end));
            assertEquals("its input pipe closed", end.reason());
        }
    }

    @Test
    void anEmergencyStopClosesAChildsStdinFirst() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo w = s.spawn(WorkerKind.PROCESS, WorkloadSpec.of("sleep").with("duration", "60s"), false);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (s.worker(w.id()).orElseThrow().tid() <= 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            s.emergencyStop();
            WorkerInfo end = s.join(w.id(), Duration.ofSeconds(10)).worker();
            assertEquals(4, end.exitCode(), String.valueOf(end));
        }
    }
}
