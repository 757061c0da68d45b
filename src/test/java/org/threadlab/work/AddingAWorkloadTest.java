package org.threadlab.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Adding a workload is adding one file (EchoWork.java, with its descriptor) and naming it in the
 * services list: a JVM that has both on its class path offers it everywhere, with nothing else changed.
 * This JVM does not (the extra list is in a folder of its own), so the other tests see the nine.
 */
class AddingAWorkloadTest {
    private static final String EXTRA = Path.of("target", "test-classes", "extra-workload").toAbsolutePath().toString();

    private static String[] run(String main, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path") + File.pathSeparator + EXTRA, main));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not finish: " + cmd);
        return new String[] {Integer.toString(p.exitValue()), out};
    }

    @Test
    void thisJvmDoesNotSeeTheTestWorkload() {
        assertFalse(Workloads.TYPES.contains("echo"));
    }

    @Test
    void aWorkloadInOneFileAppearsInRunsHelpAndOptionsAndRunsAsThreadAndProcess() throws Exception {
        String[] help = run("org.threadlab.ThreadLab", "run", "--help");
        assertEquals("0", help[0], help[1]);
        assertTrue(help[1].contains("echo (says a word back)"), help[1]);
        assertTrue(help[1].contains("--text=NAME") && help[1].contains("echo: the word to say back (default hello)"), help[1]);
        for (String kind : List.of("thread", "process")) {
            String[] ran = run("org.threadlab.ThreadLab", "run", "echo", "--as", kind, "--text", "hi");
            assertEquals("0", ran[0], ran[1]);
            assertTrue(ran[1].contains("echo hi"), kind + ": " + ran[1]);
        }
        String[] wrong = run("org.threadlab.ThreadLab", "run", "echo", "--units", "2");
        assertEquals("2", wrong[0], wrong[1]);
        assertTrue(wrong[1].contains("workload echo takes no --units (it takes --text, --pause)"), wrong[1]);
        String[] listed = run("org.threadlab.ThreadLab", "workloads", "--markdown");
        assertTrue(listed[1].contains("| `echo` | thread, virtual, process | `--text NAME` (hello): the word to say back"), listed[1]);
    }

    @Test
    void aWorkloadInOneFileAppearsInTheDialog() throws Exception {
        String[] out = run("org.threadlab.ui.ExtraWorkloadProbe");
        assertEquals("0", out[0], out[1]);
        assertTrue(out[1].contains("types=[sleep, cpu, memory, pool, counter, global, queue, crash, exec, echo]"), out[1]);
        assertTrue(out[1].contains("dialog=echo | text=hello pause=10ms | says a word back (text hello; pause 10ms)"), out[1]);
        assertTrue(out[1].contains("param=pause"), out[1]);
        assertTrue(out[1].contains("apply=WorkloadSpec[type=echo, params={pause=0s, text=hi}] error=null"), out[1]);
    }
}
