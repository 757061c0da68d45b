package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.threadlab.ThreadLab;
import picocli.CommandLine;

/** {@code --spares N}: 0 to 8, anything else a one-line error and exit 2, before anything starts. */
class SparesOptionTest {

    private static String[] run(String... args) {
        CommandLine cl = ThreadLab.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), err.toString()};
    }

    @Test
    void outOfRangeCountsAreRefusedInOneLine() {
        for (String[][] c : new String[][][] {{{"ui", "--spares", "9"}, {"not 9"}}, {{"--spares", "9"}, {"not 9"}},
                {{"ui", "--spares", "-1"}, {"not -1"}}, {{"lesson", "gil", "--headless", "--spares", "20"}, {"not 20"}}}) {
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
