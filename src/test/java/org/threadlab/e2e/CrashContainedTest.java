package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A worker that throws, runs out of memory or exits fails alone; threadlab reports it and goes on. */
class CrashContainedTest {

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        return out;
    }

    @Test
    void aThreadRunningOutOfMemoryFailsAloneAndThreadlabCarriesOn() throws Exception {
        List<String> cmd = new ArrayList<>(Jar.command("run", "crash", "--how", "oom", "--after", "0s", "--as", "thread"));
        cmd.add(1, "-Xmx192m");
        // a second, healthy worker would not help here: run's summary after the failure is the proof it carried on
        String out = run(cmd);
        assertTrue(out.contains("crash-1 failed after"), out);
        assertTrue(out.contains("out of memory: Java heap space"), out);
        assertTrue(out.contains("wall "), out);
    }

    @Test
    void aProcessThatThrowsOrExitsFailsWithItsReason() throws Exception {
        String thrown = run(Jar.command("run", "crash", "--how", "throw", "--after", "0s", "--as", "process"));
        assertTrue(thrown.contains("crashed on purpose: an exception escaped the workload"), thrown);
        String exited = run(Jar.command("run", "crash", "--how", "exit", "--after", "0s", "--as", "process"));
        assertTrue(exited.contains("failed after") && exited.contains("exit code 7: crash: calling System.exit(7)"), exited);
        String oom = run(Jar.command("run", "crash", "--how", "oom", "--after", "0s", "--as", "process"));
        assertTrue(oom.contains("java.lang.OutOfMemoryError"), oom);
    }
}
