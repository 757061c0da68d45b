package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TAB completion as a user gets it: an interactive bash, and zsh (through its bashcompinit), in a
 * real terminal, with `threadlab` on the PATH as the README links it and its completion loaded by
 * the README's line; each case types a partial line, presses Tab and reads the line back.
 */
class CompletionInShellsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bash", "zsh"})
    void tabCompletesWhatTheCommandsTake(String shell) throws Exception {
        Assumptions.assumeTrue(Tmux.available(), "needs tmux");
        Path program = Path.of("/bin", shell);
        Assumptions.assumeTrue(Files.isExecutable(program), () -> shell + " is not installed (.ci/run installs it)");
        Path bin = Files.createDirectories(dir.resolve("b"));
        Files.createSymbolicLink(bin.resolve("threadlab"), LauncherTest.LAUNCHER);
        Path lessons = Files.createDirectories(dir.resolve("l"));
        Files.writeString(lessons.resolve("my-lesson.yaml"), "");
        Files.writeString(lessons.resolve("my-notes.txt"), "");
        // no rc files: only what the README's line loads
        String start = shell.equals("bash") ? "bash --norc --noprofile -i" : "zsh -f -i";
        String cmd = "cd " + dir + " && env PATH=" + bin + ":/usr/bin:/bin JAVA_HOME=" + System.getProperty("java.home")
                + " TERM=xterm-256color " + start;
        try (Tmux t = Tmux.start(200, 40, cmd)) {
            t.type("source <(threadlab generate-completion); echo LOADED-$?");
            t.keys("Enter");
            t.await(shell + " loaded the completion", s -> s.contains("LOADED-0"), 30_000);
            List<String[]> cases = List.of(
                    new String[] {"threadlab wor", "threadlab workloads"},
                    new String[] {"threadlab run --as p", "threadlab run --as process"},
                    new String[] {"threadlab run --as process --count 2 sl", "threadlab run --as process --count 2 sleep"},
                    new String[] {"threadlab run --as=process sl", "threadlab run --as=process sleep"},
                    new String[] {"threadlab run pool --task s", "threadlab run pool --task sleep"},
                    new String[] {"threadlab run sleep --dur", "threadlab run sleep --duration"},
                    new String[] {"threadlab run counter --mode at", "threadlab run counter --mode atomic"},
                    new String[] {"threadlab compare --workload a", "threadlab compare --workload all"},
                    new String[] {"threadlab lesson terminate", "threadlab lesson terminate-join"},
                    new String[] {"threadlab demo s", "threadlab demo shared-state"},
                    new String[] {"threadlab lesson l/my", "threadlab lesson l/my-lesson.yaml"});
            for (String[] c : cases) {
                t.keys("C-u");
                t.type(c[0]);
                t.keys("Tab");
                t.await(shell + ": Tab after '" + c[0] + "' gives '" + c[1] + "'", s -> lastLine(s).endsWith(c[1]), 15_000);
            }
            t.keys("C-u");
        } finally {
            // the link, not what it points to (JUnit would warn about a link out of its directory)
            Files.delete(bin.resolve("threadlab"));
        }
    }

    /** The screen's last line that is not blank, without trailing spaces (the cursor's line). */
    private static String lastLine(String screen) {
        List<String> lines = screen.lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
