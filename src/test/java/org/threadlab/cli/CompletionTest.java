package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bash completion script completes what the descriptors say: workload names, their options and
 * the choices of a choice parameter. Runs the script in a real bash, as a shell would.
 */
class CompletionTest {
    @TempDir
    Path dir;

    private String complete(Path script, String line) throws Exception {
        String[] words = line.split(" ", -1);
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append('"').append(w).append("\" ");
        }
        String body = "source " + script + " 2>/dev/null; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE='" + line + "'; _complete_threadlab 2>/dev/null; echo \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder("bash", "-c", body).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "bash did not finish");
        return out;
    }

    @Test
    void workloadsTheirOptionsAndChoicesComplete() throws Exception {
        CliTest.Outcome o = CliTest.exec("generate-completion");
        assertEquals(0, o.code(), o.err());
        Path script = dir.resolve("threadlab.bash");
        Files.writeString(script, o.out());
        assertEquals("cpu counter crash", complete(script, "threadlab run c"));
        assertEquals("unsafe lock atomic", complete(script, "threadlab run counter --mode "));
        assertEquals("thread process", complete(script, "threadlab run pool --pool "));
        assertEquals("--pool-size", complete(script, "threadlab run pool --pool-"));
        assertTrue(complete(script, "threadlab w").contains("workloads"));
    }

    @Test
    void runCompletesOnlyTheOptionsOfTheWorkloadNamed() throws Exception {
        CliTest.Outcome o = CliTest.exec("generate-completion");
        assertEquals(0, o.code(), o.err());
        Path script = dir.resolve("threadlab.bash");
        Files.writeString(script, o.out());
        // before a workload is named, every option; after it, its own and run's common ones
        assertEquals("--pool-size --pool --pause --produce", complete(script, "threadlab run --p"));
        assertEquals("", complete(script, "threadlab run sleep --p"), "sleep takes no --p... option");
        assertEquals("--pause", complete(script, "threadlab run global --p"));
        assertEquals("--daemon --duration", complete(script, "threadlab run sleep --d"));
        assertEquals("--stubborn", complete(script, "threadlab run --count 2 cpu --st"), "a flag of its own");
        // "sleep" here is --task's value: the workload is pool
        assertEquals("--pool-size --pool", complete(script, "threadlab run pool --task sleep --po"));
        assertEquals("cpu sleep", complete(script, "threadlab run pool --task "));
        assertEquals("--units", complete(script, "threadlab compare --u"), "compare is left as picocli makes it");
    }
}
