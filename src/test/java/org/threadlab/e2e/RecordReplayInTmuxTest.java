package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar records a short screen session, then replays it in the same screen: the worker's row is
 * there, the replay's keys move through it, and keys that would start a worker say it is a replay.
 * SIGTERM during a recording still leaves a whole file.
 */
class RecordReplayInTmuxTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsTmuxAndLinux() {
        Assumptions.assumeTrue(Jar.isLinux() && Tmux.available(), "needs tmux and /proc");
    }

    @Test
    void recordAUiSessionThenReplayIt() throws Exception {
        Path f = dir.resolve("session.jsonl");
        String record = Jar.java() + " -jar " + Jar.JAR + " --interval 200ms --record " + f + "; echo EXITED $?; sleep 60";
        try (Tmux t = Tmux.start(120, 40, record)) {
            t.await(x -> x.contains("no threads yet"), 20_000);
            // a sleeping thread worker that ends by itself: w, Up from cpu to sleep, duration 1s
            t.keys("w");
            t.await(x -> x.contains("Workload for the next starts"), 5_000);
            t.keys("Up");
            t.await(x -> x.contains("duration=2s"), 5_000);
            t.keys("BSpace", "BSpace");
            t.type("1s");
            t.keys("Enter");
            t.await(x -> x.contains("workload: sleep duration=1s"), 5_000);
            t.type("t");
            t.await("sleep-1 to finish", x -> x.contains("sleep-1 finished after"), 20_000);
            t.type("q");
            String s = t.await(x -> x.contains("EXITED"), 20_000);
            assertTrue(s.contains("EXITED 0"), s);
            assertTrue(s.contains("threadlab: recorded ") && s.contains(f.toString()), "says where the recording is: " + s);
        }
        List<String> lines = Files.readAllLines(f);
        assertTrue(lines.get(lines.size() - 1).startsWith("{\"type\":\"end\""), "closed on quit with its end line");

        String replay = Jar.java() + " -jar " + Jar.JAR + " replay " + f + "; echo EXITED $?; sleep 60";
        try (Tmux t = Tmux.start(120, 40, replay)) {
            String s = t.await(x -> x.contains("REPLAY || x1  1/"), 20_000);
            assertEquals("1", t.format("#{alternate_on}"), "the replay uses the same screen as ui");
            t.type("n");
            // the start event is published by the thread that started the worker, which may be before the
            // worker read its own TID: at that model its row may be NEW with no TID yet ("-")
            s = t.await("the worker's row after n", x -> x.lines().anyMatch(l -> l.matches(".*\\bsleep-1\\s+\\d+\\s+(\\d+|-)\\s+(RUN|WAIT|NEW|DONE).*")), 10_000);
            assertTrue(s.contains("started thread sleep-1"), s);
            t.type("t");
            t.await(x -> x.contains("this is a replay: t does nothing"), 5_000);
            // play it to the end at x16: the worker is then done
            t.type(">>>>");
            t.type(" ");
            s = t.await("the end of the replay", x -> java.util.regex.Pattern.compile("REPLAY \\|\\| x16  (\\d+)/\\1 ").matcher(x).find(), 20_000);
            assertTrue(s.lines().anyMatch(l -> l.matches(".*\\bsleep-1\\s+\\d+\\s+\\d+\\s+DONE.*")), "the worker ended, as recorded: " + s);
            t.type("q");
            s = t.await(x -> x.contains("EXITED"), 20_000);
            assertTrue(s.contains("EXITED 0"), s);
            assertEquals("0", t.format("#{alternate_on}"), "back on the main screen");
        }
    }

    @Test
    void replayRefusesWhereUiDoes() throws Exception {
        Path f = dir.resolve("run.jsonl");
        Process run = Jar.start("run", "sleep", "--duration", "100ms", "--quiet", "--record", f.toString());
        run.getInputStream().readAllBytes();
        assertEquals(0, run.waitFor());
        String replay = Jar.java() + " -jar " + Jar.JAR + " replay " + f;
        try (Tmux t = Tmux.start(60, 20, replay + "; echo EXITED $?; sleep 30")) {
            String s = t.await(x -> x.contains("EXITED"), 20_000);
            assertTrue(s.contains("EXITED 2") && s.contains("threadlab replay needs a terminal of at least 80x24"), s);
            assertTrue(s.replace("\n", "").contains("use 'threadlab replay --print' instead"), s);
        }
        try (Tmux t = Tmux.start(120, 40, "TERM=dumb " + replay + "; echo EXITED $?; " + replay + " < /dev/null; echo EXITED $?; sleep 30")) {
            String s = t.await(x -> x.lines().filter(l -> l.startsWith("EXITED")).count() == 2, 20_000);
            assertTrue(s.contains("threadlab replay cannot draw on TERM=dumb; use 'threadlab replay --print' instead"), s);
            assertTrue(s.contains("threadlab replay needs an interactive terminal"), s);
            assertEquals(2, s.lines().filter(l -> l.equals("EXITED 2")).count(), s);
        }
    }

    @Test
    void sigtermDuringARecordingLeavesAWholeFile() throws Exception {
        Path f = dir.resolve("term.jsonl");
        String record = Jar.java() + " -jar " + Jar.JAR + " --interval 200ms --record " + f + "; echo EXITED $?; sleep 60";
        try (Tmux t = Tmux.start(120, 40, record)) {
            t.await(x -> x.contains("no threads yet"), 20_000);
            t.type("t");
            t.await(x -> x.contains("cpu-1"), 10_000);
            long pid = ProcessHandle.of(t.panePid()).orElseThrow().children()
                    .filter(p -> Jar.cmdline(p.pid()).contains("threadlab.jar")).findFirst().orElseThrow().pid();
            Jar.signal(pid, "TERM");
            t.await(x -> x.contains("EXITED"), 20_000);
        }
        List<String> lines = Files.readAllLines(f);
        assertTrue(lines.get(lines.size() - 1).startsWith("{\"type\":\"end\""), "the shutdown hook wrote the end line: "
                + lines.get(lines.size() - 1));
        Process p = Jar.start("replay", "--print", f.toString());
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("started thread cpu-1"), out);
        assertFalse(out.contains("cut short"), out);
    }
}
