package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.threadlab.ThreadLab;
import picocli.CommandLine;

/** {@code --spares N}: 0 to 8, anything else a one-line error and exit 2, before anything starts; {@code run} waits for them. */
@org.junit.jupiter.api.extension.ExtendWith(org.threadlab.NoChildrenLeft.class)
class SparesOptionTest {

    private static String[] run(String... args) {
        CommandLine cl = ThreadLab.commandLine();
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), err.toString(), out.toString()};
    }

    @Test
    void runWaitsForItsSparesAndItsWorkersStartInThem() {
        String[] r = run("run", "sleep", "--as", "process", "--count", "1", "--duration", "100ms", "--spares", "1");
        assertEquals("0", r[0], r[1] + r[2]);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("1 warm spare ready \\(pid (\\d+)\\)").matcher(r[2]);
        assertTrue(m.find(), r[2]);
        assertTrue(r[2].contains("started process sleep-1 (pid " + m.group(1) + ", a warm spare)"), r[2]);
        assertTrue(r[2].contains("sleep-1 finished"), r[2]);
    }

    @Test
    void outOfRangeCountsAreRefusedInOneLine() {
        for (String[][] c : new String[][][] {{{"ui", "--spares", "9"}, {"not 9"}}, {{"--spares", "9"}, {"not 9"}},
                {{"ui", "--spares", "-1"}, {"not -1"}}, {{"lesson", "gil", "--headless", "--spares", "20"}, {"not 20"}},
                {{"run", "sleep", "--spares", "9"}, {"not 9"}}}) {
            String[] r = run(c[0]);
            assertEquals("2", r[0], r[1]);
            assertTrue(r[1].startsWith("threadlab: --spares must be between 0 and 8 (each is a JVM of its own), " + c[1][0] + "\n"), r[1]);
        }
    }

    @Test
    void aCountThatIsNoNumberOrGivenTwiceIsBadUsage() {
        String[] r = run("ui", "--spares", "two");
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].contains("--spares") && r[1].contains("two"), r[1]);
        r = run("ui", "--spares", "1", "--spares", "2");
        assertEquals("2", r[0], r[1]);
    }

    @Test
    void plainThreadlabHandsTheCountToTheScreen() {
        UiArgs a = new UiArgs();
        a.interval = java.time.Duration.ofSeconds(1);
        a.spares = 2;
        assertTrue(String.join(" ", a.toArgs()).endsWith("--spares 2"), String.join(" ", a.toArgs()));
        a.spares = 0;
        assertTrue(!String.join(" ", a.toArgs()).contains("--spares"));
    }
}
