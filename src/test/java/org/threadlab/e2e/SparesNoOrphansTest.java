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
 * Warm spares die with threadlab as its workers do: the real jar runs a process worker in a spare
 * with two spares kept (one idle, one its replacement), gets a signal, and /proc is checked.
 */
class SparesNoOrphansTest {
    @BeforeAll
    static void linuxOnly() {
        Assumptions.assumeTrue(Jar.isLinux(), "needs /proc and kill");
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"KILL", "TERM", "HUP"})
    void sparesDieWithThreadlab(String signal) throws Exception {
        // under nohup the test JVM ignores SIGHUP and threadlab inherits that: it then rightly stays
        Assumptions.assumeFalse(signal.equals("HUP") && hangUpIgnored(), "SIGHUP is ignored by this test JVM (nohup)");
        Process threadlab = Jar.start("run", "sleep", "--as", "process", "--count", "1", "--duration", "60s", "--spares", "2");
        try {
            // the worker (in what was a spare) and two spares: the untouched one and the replacement
            List<Long> kids = Jar.awaitWorkers(threadlab.pid(), 3);
            assertEquals(3, kids.size(), "a worker and two spares: " + kids);
            long spares = kids.stream().filter(k -> Jar.cmdline(k).contains(" --spare")).count();
            assertEquals(3, spares, "all three JVMs were started as spares: " + kids);
            Jar.signal(threadlab.pid(), signal);
            assertTrue(threadlab.waitFor(10, TimeUnit.SECONDS), "threadlab ended on SIG" + signal);
            assertTrue(Jar.millisUntilGone(kids, 2000) >= 0, "children " + kids + " still alive 2 s after SIG" + signal);
        } finally {
            threadlab.destroyForcibly();
        }
    }

    /** Whether this JVM ignores SIGHUP (SigIgn in /proc/self/status), as every child it starts then does. */
    private static boolean hangUpIgnored() throws java.io.IOException {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 1) == 1;
            }
        }
        return false;
    }
}
