package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default exec command, {@code python3 demos/busy_threads.py}, works from any directory: the demos ship in the jar. */
class ExecFromAnywhereTest {
    @Test
    void theShippedDemoRunsOutsideTheRepositoryAndItsOutputIsShown(@TempDir Path elsewhere) throws Exception {
        Assumptions.assumeTrue(Jar.isLinux(), "needs /proc");
        try {
            Assumptions.assumeTrue(new ProcessBuilder("python3", "--version").start().waitFor() == 0, "no python3");
        } catch (java.io.IOException e) {
            Assumptions.abort("no python3");
        }
        Assumptions.assumeTrue(!Files.exists(elsewhere.resolve("demos")));
        Process p = new ProcessBuilder(Jar.command("run", "exec", "--as", "process", "--cmd", "python3 demos/busy_threads.py 1"))
                .directory(elsewhere.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        // the program's own stdout line, once thrown away, now ends its result
        assertTrue(out.contains("python3 exited with code 0: 4 busy threads took"), out);
        assertTrue(out.matches("(?s).*started process exec-1 \\(pid \\d+, run by watchdog pid \\d+\\).*"), out);
    }
}
