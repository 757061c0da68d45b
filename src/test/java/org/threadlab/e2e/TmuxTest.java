package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The test terminal itself: closing it leaves nothing of what ran in it, even after a failed test. */
class TmuxTest {

    @Test
    void closingTheSessionEndsWhatRanUnderScriptToo() throws Exception {
        Assumptions.assumeTrue(Tmux.available() && Files.isExecutable(Path.of("/usr/bin/script")), "needs tmux and script(1)");
        List<ProcessHandle> left;
        // script(1) answers the hang-up by sending EOF to its child and waiting for it: a program that
        // reads no EOF (threadlab's screen, here a sleep) kept both alive after kill-session
        try (Tmux t = Tmux.start(80, 24, "script -q -f -e -c 'sleep 297' /dev/null")) {
            t.await("script and its sleep", s -> descendants(t).stream().anyMatch(TmuxTest::isTheSleep), 20_000);
            left = descendants(t);
        }
        assertTrue(left.size() >= 2, "script and sleep ran: " + left);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (left.stream().anyMatch(ProcessHandle::isAlive)) {
            assertTrue(System.nanoTime() < deadline, "still running after the session was closed: "
                    + left.stream().filter(ProcessHandle::isAlive).map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList());
            Thread.sleep(50);
        }
    }

    private static List<ProcessHandle> descendants(Tmux t) {
        try {
            return ProcessHandle.of(t.panePid()).map(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p),
                    p.descendants()).toList()).orElse(List.of());
        } catch (Exception e) {
            return List.of();
        }
    }

    private static boolean isTheSleep(ProcessHandle p) {
        return p.info().commandLine().orElse("").contains("sleep 297");
    }
}
