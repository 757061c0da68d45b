package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/** The signal menu's keys through the live commands to kill(2): a test-owned sleep, and a process worker paused and resumed. */
class SignalMenuLiveTest {
    private Supervisor supervisor;
    private TerminalUi ui;
    private Process sleep;

    @BeforeEach
    void start() throws IOException {
        supervisor = new Supervisor(Limits.DEFAULT.withGrace(Duration.ofMillis(500)), false);
        ui = new TerminalUi(Fixtures.screen(Fixtures.terminal(80, 24)), new SupervisorCommands(supervisor), Fixtures.source(Fixtures.snapshot()),
                new UiOptions(Duration.ofSeconds(1), false, false, true), TerminalUi.FrameSync.NONE, Runnable::run, List.of());
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (sleep != null) {
            sleep.destroyForcibly();
            sleep.waitFor(10, TimeUnit.SECONDS);
        }
        supervisor.close();
    }

    private void key(KeyType type) {
        ui.key(new KeyStroke(type));
    }

    private static void await(String what, BooleanSupplier test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!test.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 30 s for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static char state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException e) {
            return '?';
        }
    }

    @Test
    void termAfterYesEndsATestOwnedSleep() throws Exception {
        sleep = new ProcessBuilder("sleep", "600").start();
        ui.commands().openSignalMenu(sleep.pid(), "sleep", false);
        key(KeyType.Enter);
        assertTrue(sleep.isAlive(), "nothing is sent before y");
        ui.key(new KeyStroke('y', false, false));
        assertTrue(sleep.waitFor(20, TimeUnit.SECONDS), "sleep outlived the TERM: " + ui.state().status);
        assertEquals(128 + 15, sleep.exitValue());
        assertEquals("sent TERM (15) to PID " + sleep.pid() + " (sleep)", ui.state().status);

        // again, now that it has exited: the kernel's ESRCH in words
        ui.commands().openSignalMenu(sleep.pid(), "sleep", false);
        key(KeyType.Enter);
        ui.key(new KeyStroke('y', false, false));
        assertEquals("PID " + sleep.pid() + " has already exited", ui.state().status);
        assertTrue(ui.state().statusError);
    }

    @Test
    void stopAndContReachAProcessWorkerAndTermKeepsItsWay() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc to read the state");
        WorkerInfo w = supervisor.spawn(WorkerKind.PROCESS, WorkloadSpec.of("sleep").with("duration", "10m"), false);
        await("the child to be sleeping", () -> state(w.pid()) == 'S');
        ui.commands().openSignalMenu(w.pid(), "java", true);
        for (int i = 0; i < 4; i++) {
            key(KeyType.ArrowDown);
        }
        key(KeyType.Enter); // STOP, no question: threadlab started it
        await("state T after STOP", () -> state(w.pid()) == 'T');
        assertTrue(ui.state().status.startsWith(w.name() + ": sent STOP (19) to PID " + w.pid()), ui.state().status);
        assertTrue(ui.state().status.endsWith("paused (state T) until CONT"), ui.state().status);

        ui.commands().openSignalMenu(w.pid(), "java", true);
        for (int i = 0; i < 5; i++) {
            key(KeyType.ArrowDown);
        }
        key(KeyType.Enter); // CONT
        await("running again after CONT", () -> state(w.pid()) == 'S');

        ui.commands().openSignalMenu(w.pid(), "java", true);
        key(KeyType.Enter); // TERM: the worker's terminate, with its grace and its event
        assertTrue(ui.state().status.startsWith("terminating " + w.name() + " (SIGTERM, then SIGKILL after"), ui.state().status);
        await("the worker to end", () -> supervisor.worker(w.id()).orElseThrow().state().ended());
    }
}
