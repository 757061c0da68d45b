package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's install: the launcher linked into a directory on the PATH (as ~/.local/bin), here
 * through a relative link to an absolute one, so `threadlab` is a command a user types from anywhere,
 * and its completion script installs for that command.
 */
class OnThePathTest {
    @TempDir
    Path dir;

    private record Result(int exit, String out) {}

    /** Runs {@code script} in bash from / with only {@code bin} before the usual PATH. */
    private static Result bash(Path bin, String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", script).redirectErrorStream(true)
                .directory(Path.of("/").toFile());
        pb.environment().remove("JAVA_OPTS");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bash ended");
        return new Result(p.exitValue(), out);
    }

    @Test
    void linkedOntoThePathItIsACommandWithHelpVersionAndCompletion() throws Exception {
        // bin/threadlab -> ../opt/threadlab (relative) -> target/threadlab (absolute): both kinds of link, chained
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path opt = Files.createDirectories(dir.resolve("opt"));
        Files.createSymbolicLink(opt.resolve("threadlab"), LauncherTest.LAUNCHER);
        Files.createSymbolicLink(bin.resolve("threadlab"), Path.of("..", "opt", "threadlab"));

        Result where = bash(bin, "command -v threadlab");
        assertEquals(bin.resolve("threadlab") + "\n", where.out());

        Result version = bash(bin, "threadlab --version");
        assertEquals(0, version.exit(), version.out());
        assertTrue(version.out().startsWith("threadlab "), version.out());

        Result help = bash(bin, "threadlab --help");
        assertEquals(0, help.exit(), help.out());
        assertTrue(help.out().startsWith("Usage: threadlab "), help.out());
        assertTrue(help.out().contains("generate-completion"), help.out());

        // the README's completion line, then TAB after "threadlab run --as ": the command is the one on the PATH
        Result completion = bash(bin, "source <(threadlab generate-completion) && complete -p threadlab"
                + " && COMP_WORDS=(threadlab run --as '') COMP_CWORD=3 && _complete_threadlab 2>/dev/null; echo \"${COMPREPLY[*]}\"");
        assertEquals(0, completion.exit(), completion.out());
        assertTrue(completion.out().contains("_complete_threadlab") && completion.out().trim().endsWith("thread virtual process"),
                completion.out());

        Result bad = bash(bin, "threadlab nonsense");
        assertEquals(2, bad.exit(), "bad usage keeps its exit code through the links: " + bad.out());
        assertTrue(bad.out().startsWith("threadlab: "), bad.out());
        // the links, not what they point to (JUnit would warn about a link out of its directory)
        Files.delete(bin.resolve("threadlab"));
        Files.delete(opt.resolve("threadlab"));
    }
}
