package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.threadlab.ThreadLab;
import org.threadlab.sample.DataSource;
import picocli.CommandLine;

/** {@code --source}: taken by the screen's commands and snapshot, handed on, and said with the figures. */
class SourceOptionTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = ThreadLab.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void theScreenTakesItAndPlainThreadlabHandsItOn() {
        UiCommand ui = new UiCommand();
        new CommandLine(ui).parseArgs("--source", "oshi");
        assertEquals(DataSource.OSHI, ui.args.source);
        assertTrue(String.join(" ", ui.args.toArgs()).contains("--source oshi"), String.join(" ", ui.args.toArgs()));
        UiCommand plain = new UiCommand();
        new CommandLine(plain).parseArgs();
        assertEquals(DataSource.AUTO, plain.args.source, "auto unless asked");
        LessonCommand lesson = new LessonCommand();
        new CommandLine(lesson).parseArgs("threads", "--source", "proc");
        assertEquals(DataSource.PROC, lesson.args.source);
    }

    @Test
    void snapshotSaysWhichSourceMadeTheFigures() {
        Assumptions.assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/stat")));
        assertEquals(0, run("snapshot", "--source", "proc", "--window", "200ms"), err.toString());
        assertTrue(out.toString().lines().findFirst().orElse("").endsWith("source proc"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("snapshot", "--window", "200ms"), err.toString());
        assertTrue(out.toString().lines().findFirst().orElse("").endsWith("source proc"), "auto is proc on Linux: " + out);
    }

    @Test
    void snapshotThroughOshiShowsEveryThreadAndNoCoreItDoesNotKnow() {
        Assumptions.assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/stat")));
        assertEquals(0, run("snapshot", "--source", "oshi", "--self", "--window", "300ms", "--json"), err.toString());
        String json = out.toString();
        assertTrue(json.matches("(?s)^\\{\"host\":\"[^\"]*\",\"taken_at\":\"[^\"]*\",\"window_s\":[0-9.]+,\"source\":\"oshi\",.*"), json);
        long self = ProcessHandle.current().pid();
        // the main thread too, which OSHI's own list leaves out on Linux
        assertTrue(json.contains("{\"tid\":" + self + ",\"name\":\"java\","), json);
        Matcher t = Pattern.compile("\\{\"tid\":\\d+,\"name\":\"[^\"]*\",\"state\":\"[RSDTZ?]\",\"cpu_percent\":[0-9.]+,"
                + "\"core\":-1,\"priority\":\\d+,\"nice\":null,").matcher(json);
        int threads = 0;
        while (t.find()) {
            threads++;
        }
        assertTrue(threads >= 5, "a JVM's threads, each with a state letter, a CPU% and no made-up core or nice: " + json);
        assertFalse(json.contains("\"cpu_percent\":null"), json);
        assertTrue(err.toString().isEmpty(), "nothing on stderr: " + err);
    }
}
