package org.threadlab.work;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exec workload's pieces that need no child JVM: the launch guard and the shipped demos. */
class ExecWorkTest {

    @Test
    void aProgramIsNeverStartedOnceTheWatchdogIsExiting() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sleep")));
        ExecWork.Launch launch = new ExecWork.Launch(new ProcessBuilder("/bin/sleep", "60"));
        launch.run();
        assertThrows(InterruptedException.class, launch::start);
    }

    @Test
    void theCleanUpKillsAProgramThatStarted() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sleep")));
        ExecWork.Launch launch = new ExecWork.Launch(new ProcessBuilder("/bin/sleep", "60"));
        Process p = launch.start();
        launch.run();
        assertTrue(p.waitFor(5, TimeUnit.SECONDS), "the program outlived the clean-up");
    }

    @Test
    void shippedDemosRunFromADirectoryWithoutThem(@TempDir Path elsewhere) throws Exception {
        List<String> cmd = Demos.resolve(List.of("python3", "demos/busy_threads.py", "30"), elsewhere);
        assertEquals("python3", cmd.get(0));
        assertEquals("30", cmd.get(2));
        Path extracted = Path.of(cmd.get(1));
        assertTrue(extracted.isAbsolute() && Files.isRegularFile(extracted), cmd.toString());
        assertArrayEquals(Files.readAllBytes(Path.of("demos", "busy_threads.py")), Files.readAllBytes(extracted));
        // a second worker reuses the same copy
        assertEquals(cmd, Demos.resolve(List.of("python3", "demos/busy_threads.py", "30"), elsewhere));
    }

    @Test
    void aCheckoutsOwnDemoWinsAndOtherWordsAreLeftAlone(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("demos"));
        Files.writeString(repo.resolve("demos/busy_threads.py"), "print('mine')\n");
        assertEquals(List.of("python3", "demos/busy_threads.py", "demos/unknown.py", "-c"),
                Demos.resolve(List.of("python3", "demos/busy_threads.py", "demos/unknown.py", "-c"), repo));
        assertFalse(Demos.shipped("demos/unknown.py", repo));
    }

    @Test
    void aCommandThatCannotRunSaysWhyInWordsForTheUiAndTheCommandLine(@TempDir Path dir) throws Exception {
        // the example is a command, not the UI's cmd= syntax, so it reads right after --cmd too
        assertEquals("cmd is empty: give the program and its arguments, e.g. python3 demos/busy_threads.py 30",
                assertThrows(IllegalArgumentException.class, () -> ExecWork.parse(" ")).getMessage());
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a program\n");
        assertEquals("'" + text + "' is a file but not executable (chmod +x it, or run it with its interpreter)",
                assertThrows(IllegalArgumentException.class, () -> ExecWork.parse(text.toString())).getMessage());
        assertEquals("'" + dir + "' is a directory, not a program",
                assertThrows(IllegalArgumentException.class, () -> ExecWork.parse(dir.toString())).getMessage());
        assertEquals("no program 'no-such-program-x' (not a file, and not found on PATH)",
                assertThrows(IllegalArgumentException.class, () -> ExecWork.parse("no-such-program-x 1")).getMessage());
    }
}
