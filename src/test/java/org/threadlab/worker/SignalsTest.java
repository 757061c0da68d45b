package org.threadlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** kill(2) through JNA against a {@code sleep} this test starts, and the kernel's refusals in words. */
class SignalsTest {
    private Process sleep;

    private Process startSleep() throws Exception {
        sleep = new ProcessBuilder("sleep", "600").start();
        return sleep;
    }

    @AfterEach
    void killSleep() throws Exception {
        if (sleep != null) {
            sleep.destroyForcibly();
            sleep.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void await(String what, BooleanSupplier test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!test.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 20 s for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The state letter in /proc/PID/stat (after the command's closing parenthesis). */
    private static char state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (java.io.IOException e) {
            return '?';
        }
    }

    @Test
    void termEndsTheProcessByThatSignal() throws Exception {
        Process p = startSleep();
        Signals.Outcome o = Signals.send(p.pid(), Signal.TERM);
        assertTrue(o.sent(), o.message());
        assertEquals("sent TERM (15) to PID " + p.pid() + " (sleep)", o.message());
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "sleep outlived SIGTERM");
        // Java reports a child ended by signal N as 128 + N
        assertEquals(128 + 15, p.exitValue());
    }

    @Test
    void stopShowsStateTAndContResumes() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc to read the state");
        Process p = startSleep();
        await("sleep to be sleeping", () -> state(p.pid()) == 'S');
        assertTrue(Signals.send(p.pid(), Signal.STOP).sent());
        await("state T after STOP", () -> state(p.pid()) == 'T');
        assertTrue(Signals.send(p.pid(), Signal.CONT).sent());
        await("state S again after CONT", () -> state(p.pid()) == 'S');
        assertTrue(p.isAlive());
    }

    @Test
    void anExitedProcessIsSaidToHaveExited() throws Exception {
        Process p = startSleep();
        p.destroyForcibly();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        Signals.Outcome o = Signals.send(p.pid(), Signal.TERM);
        assertFalse(o.sent());
        assertEquals("PID " + p.pid() + " has already exited", o.message());
    }

    @Test
    void pidOneRefusesUnlessRootAndTheRefusalNamesItsOwner() {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            // signal 0 would do, but the menu has none: CONT changes nothing for init if it were allowed
            Signals.Outcome o = Signals.send(1, Signal.CONT);
            assertFalse(o.sent(), o.message());
            assertTrue(o.message().startsWith("not allowed to signal PID 1 (owned by "), o.message());
        }
        // as root (CI, this machine) the kernel allows it, so the mapping is checked on its own
        assertEquals("not allowed to signal PID 1 (owned by root)", Signals.refusal(Signals.EPERM, 1, Signal.TERM, Optional.of("root")));
        assertEquals("not allowed to signal PID 1 (another user's process)", Signals.refusal(Signals.EPERM, 1, Signal.TERM, Optional.empty()));
        assertEquals("PID 4242 has already exited", Signals.refusal(Signals.ESRCH, 4242, Signal.KILL, Optional.empty()));
        assertEquals("USR1 is not a valid signal here", Signals.refusal(Signals.EINVAL, 4242, Signal.USR1, Optional.empty()));
        assertEquals("could not send HUP to PID 7 (errno 99)", Signals.refusal(99, 7, Signal.HUP, Optional.empty()));
    }

    @Test
    void processGroupsAllProcessesAndThreadlabItselfAreNeverSignalled() {
        for (long pid : new long[] {0, -1, -4242}) {
            Signals.Outcome o = Signals.send(pid, Signal.KILL);
            assertFalse(o.sent());
            assertEquals("PID " + pid + " is not a process", o.message());
        }
        Signals.Outcome self = Signals.send(ProcessHandle.current().pid(), Signal.STOP);
        assertFalse(self.sent());
        assertTrue(self.message().endsWith("is threadlab itself: q quits it"), self.message());
    }

    @Test
    void eachPlatformHasItsOwnNumbers() {
        assertEquals(Signal.Table.LINUX, Signal.table("Linux", "amd64"));
        assertEquals(Signal.Table.LINUX, Signal.table("Linux", "aarch64"));
        assertEquals(Signal.Table.NONE, Signal.table("Linux", "mips64el"));
        assertEquals(Signal.Table.BSD, Signal.table("Mac OS X", "aarch64"));
        assertEquals(Signal.Table.NONE, Signal.table("Windows 11", "amd64"));
        assertEquals(Optional.of(10), Signal.USR1.number(Signal.Table.LINUX));
        assertEquals(Optional.of(30), Signal.USR1.number(Signal.Table.BSD));
        assertEquals(Optional.of(19), Signal.STOP.number(Signal.Table.LINUX));
        assertEquals(Optional.of(17), Signal.STOP.number(Signal.Table.BSD));
        assertEquals(Optional.of(18), Signal.CONT.number(Signal.Table.LINUX));
        assertEquals(Optional.of(19), Signal.CONT.number(Signal.Table.BSD));
        assertEquals(Optional.of(31), Signal.USR2.number(Signal.Table.BSD));
        assertEquals(Optional.empty(), Signal.TERM.number(Signal.Table.NONE));
    }
}
