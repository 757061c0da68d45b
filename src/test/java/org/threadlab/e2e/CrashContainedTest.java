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

    /**
     * An out-of-memory crash in a thread grows threadlab's heap (once to a quarter of the machine's
     * memory, 5.9 GB here, and it stayed there): it must stop at its budget, and the heap must give
     * the memory back. threadlab's supervisor runs in a JVM with the default heap, as the jar does.
     */
    @Test
    void aThreadsOutOfMemoryCrashGivesItsMemoryBack() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Jar.isLinux(), "needs /proc");
        String classPath = Jar.JAR + java.io.File.pathSeparator + java.nio.file.Path.of("target", "test-classes").toAbsolutePath();
        Process harness = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, CrashHarness.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(harness.getInputStream(), StandardCharsets.UTF_8));
             java.io.Writer in = new java.io.OutputStreamWriter(harness.getOutputStream(), StandardCharsets.UTF_8)) {
            assertEquals("ready", out.readLine());
            long before = rssKib(harness.pid());
            in.write("crash how=oom after=0s\n");
            in.flush();
            String ended = out.readLine();
            assertTrue(ended != null && ended.startsWith("ended failed: out of memory"), String.valueOf(ended));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            List<Long> seen = new ArrayList<>();
            long rss = rssKib(harness.pid());
            seen.add(rss);
            while (rss > 2 * before && System.nanoTime() < deadline) {
                Thread.sleep(250);
                rss = rssKib(harness.pid());
                seen.add(rss);
            }
            assertTrue(rss <= 2 * before, "RSS " + before + " KiB before the crash, still " + rss
                    + " KiB 15 s after it (KiB every 250 ms: " + seen + ")");
        } finally {
            harness.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static long rssKib(long pid) throws java.io.IOException {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new AssertionError("no VmRSS for pid " + pid);
    }

    @Test
    void aProcessThatThrowsOrExitsFailsWithItsReason() throws Exception {
        String thrown = run(Jar.command("run", "crash", "--how", "throw", "--after", "0s", "--as", "process"));
        assertTrue(thrown.contains("crashed on purpose: an exception escaped the workload"), thrown);
        String exited = run(Jar.command("run", "crash", "--how", "exit", "--after", "0s", "--as", "process"));
        assertTrue(exited.contains("failed after") && exited.contains("exit code 7: crash: calling System.exit(7)"), exited);
        String oom = run(Jar.command("run", "crash", "--how", "oom", "--after", "0s", "--as", "process"));
        assertTrue(oom.contains("out of memory: Java heap space"), oom);
    }
}
