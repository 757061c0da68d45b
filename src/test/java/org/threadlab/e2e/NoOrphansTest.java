package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever happens to threadlab, its child workers are gone within 2 s: the real jar runs three
 * process workers (one daemon, two not), gets a signal, and /proc is checked for leftovers.
 */
class NoOrphansTest {
    @BeforeAll
    static void linuxOnly() {
        Assumptions.assumeTrue(Jar.isLinux(), "needs /proc and kill");
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"KILL", "TERM", "HUP", "INT"})
    void childrenDieWithThreadlab(String signal) throws Exception {
        // started under nohup, or in the background of a script, the test JVM ignores SIGHUP or SIGINT,
        // and threadlab inherits that: it then rightly stays, and this case cannot be tried here
        Assumptions.assumeFalse(ignoredHere(signal), "SIG" + signal + " is ignored by this test JVM (nohup or a background job), "
                + "and a child inherits that");
        Process threadlab = Jar.start("run", "sleep", "--as", "process", "--count", "3", "--duration", "60s");
        try {
            List<Long> kids = Jar.awaitWorkers(threadlab.pid(), 3);
            assertEquals(3, kids.size(), "three child workers started");
            Jar.signal(threadlab.pid(), signal);
            assertTrue(threadlab.waitFor(10, TimeUnit.SECONDS), "threadlab ended on SIG" + signal);
            long gone = Jar.millisUntilGone(kids, 2000);
            assertTrue(gone >= 0, "children " + kids + " still alive 2 s after SIG" + signal);
        } finally {
            threadlab.destroyForcibly();
        }
    }

    /** Whether this JVM ignores {@code signal} (SigIgn in /proc/self/status), as every child it starts then does. */
    private static boolean ignoredHere(String signal) throws java.io.IOException {
        int number = switch (signal) {
            case "HUP" -> 1;
            case "INT" -> 2;
            default -> 0;
        };
        if (number == 0) {
            return false;
        }
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) >> (number - 1) & 1) == 1;
            }
        }
        return false;
    }

    @ParameterizedTest(name = "external program, SIG{0}")
    @ValueSource(strings = {"KILL", "TERM"})
    void anExternalProgramDiesWithThreadlabToo(String signal) throws Exception {
        Process threadlab = Jar.start("run", "exec", "--as", "process", "--cmd", "/bin/sleep 60");
        try {
            List<Long> watchdogs = Jar.awaitWorkers(threadlab.pid(), 1);
            assertEquals(1, watchdogs.size());
            // generous: on a loaded machine three JVMs and a program start one after another here
            long deadline = System.nanoTime() + 30_000_000_000L;
            List<Long> programs = List.of();
            while (programs.isEmpty() && System.nanoTime() < deadline) {
                programs = ProcessHandle.of(watchdogs.get(0)).map(p -> p.children().map(ProcessHandle::pid).toList()).orElse(List.of());
                Thread.sleep(50);
            }
            assertEquals(1, programs.size(), "the program runs under its watchdog");
            Jar.signal(threadlab.pid(), signal);
            assertTrue(threadlab.waitFor(20, TimeUnit.SECONDS), "threadlab did not end within 20 s of SIG" + signal);
            assertTrue(Jar.millisUntilGone(programs, 2000) >= 0, "the program " + programs + " outlived threadlab (SIG" + signal + ")");
            assertTrue(Jar.millisUntilGone(watchdogs, 2000) >= 0, "the watchdog outlived threadlab");
        } finally {
            threadlab.destroyForcibly();
        }
    }

    /**
     * SIGTERM while the program is being started, before threadlab knows its PID: the emergency stop
     * closes the watchdog's stdin first, so the watchdog kills its program (or never starts it) before
     * any SIGKILL. Tried at several moments after the watchdog appears; the program is found by a
     * marker in its command line, even if it had been orphaned.
     */
    @ParameterizedTest(name = "SIGTERM {0} ms after the watchdog appears")
    @ValueSource(ints = {0, 20, 60, 150})
    void aSigtermWhileTheProgramStartsLeavesNoOrphan(int delayMillis) throws Exception {
        String marker = "600." + (System.nanoTime() % 1_000_000);
        Process threadlab = Jar.start("run", "exec", "--as", "process", "--cmd", "/bin/sleep " + marker);
        try {
            List<Long> watchdogs = Jar.awaitWorkers(threadlab.pid(), 1);
            assertEquals(1, watchdogs.size(), "the watchdog started");
            Thread.sleep(delayMillis);
            Jar.signal(threadlab.pid(), "TERM");
            assertTrue(threadlab.waitFor(20, TimeUnit.SECONDS), "threadlab did not end within 20 s of SIGTERM");
            assertTrue(Jar.millisUntilGone(watchdogs, 2000) >= 0, "the watchdog outlived threadlab");
            assertTrue(Jar.millisUntilGone(Jar.withArgument("/bin/sleep", marker), 2000) >= 0,
                    "/bin/sleep " + marker + " outlived threadlab");
        } finally {
            threadlab.destroyForcibly();
            for (long pid : Jar.withArgument("/bin/sleep", marker)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }
}
