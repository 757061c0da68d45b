package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jar at 80x24 as TERM says: every byte it writes is recorded (it runs under script(1)) and
 * checked against what that terminal understands. A VT100 gets no colour escape, no attribute it
 * lacks (ESC[27m and the like), and only ASCII; an xterm the 8 colours of its terminfo, no bright
 * (ESC[9xm) or 256-colour (ESC[38;5;...m) ones.
 */
class UiTerminalCapabilitiesTest {
    /** SGR parameters a VT100 knows: reset, bold, underline, blink, reverse. */
    private static final Set<Integer> VT100 = Set.of(0, 1, 4, 5, 7);

    @BeforeAll
    static void needsTmuxScriptAndLinux() {
        Assumptions.assumeTrue(Jar.isLinux() && Tmux.available() && Files.isExecutable(Path.of("/usr/bin/script")),
                "needs tmux, script(1) and /proc");
    }

    private static String await(Tmux t, Predicate<String> test, long millis, String what) throws Exception {
        String s = t.await(test, millis);
        assertTrue(test.test(s), "waited " + millis + " ms for " + what + ":\n" + s);
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"vt100", "xterm"})
    void writesOnlyWhatTheTerminalUnderstands(String term, @TempDir Path dir) throws Exception {
        Path raw = dir.resolve("out.raw");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = "TERM=" + term + " LANG=C.UTF-8 script -q -f -e -c '" + java + " -jar " + Jar.JAR + " --interval 200ms' "
                + raw + "; echo EXITED $?; sleep 30";
        try (Tmux t = Tmux.start(80, 24, cmd)) {
            String s = await(t, x -> x.contains("Threads in pid"), 30_000, "the screen");
            if (term.equals("vt100")) {
                assertFalse(s.contains("─") || s.contains("│"), "ASCII boxes on a VT100:\n" + s);
                assertTrue(s.contains("-+-"), "the tables' junction is '+':\n" + s);
            } else {
                assertTrue(s.contains("┬"), "Unicode boxes on xterm with a UTF-8 locale:\n" + s);
            }
            t.type("?");
            await(t, x -> x.contains("waiting for the GIL"), 10_000, "the help");
            t.type("x");
            await(t, x -> !x.contains("waiting for the GIL"), 10_000, "the help to close");
            t.type("t");
            await(t, x -> x.contains("cpu-1"), 20_000, "a thread worker");
            t.type("q");
            await(t, x -> x.contains("w wait for them"), 10_000, "the quit question");
            t.type("k");
            s = await(t, x -> x.contains("EXITED"), 30_000, "threadlab to exit");
            assertTrue(s.contains("EXITED 0"), s);
        }
        byte[] bytes = Files.readAllBytes(raw);
        String out = new String(bytes, StandardCharsets.UTF_8);
        Set<Integer> params = new TreeSet<>();
        Matcher m = Pattern.compile("\u001b\\[([0-9;]*)m").matcher(out);
        int sgr = 0;
        while (m.find()) {
            sgr++;
            for (String p : m.group(1).split(";")) {
                params.add(p.isEmpty() ? 0 : Integer.parseInt(p));
            }
        }
        assertTrue(sgr > 0, "the screen used attributes at all (" + bytes.length + " bytes)");
        assertTrue(params.contains(7), "reverse video for the selection and the header: " + params);
        if (term.equals("vt100")) {
            assertTrue(VT100.containsAll(params), "only VT100 attributes, no colour: " + params);
            for (byte b : bytes) {
                assertTrue(b >= 0, "only ASCII on a VT100");
            }
        } else {
            for (int p : params) {
                assertTrue(VT100.contains(p) || p >= 21 && p <= 29 || p >= 30 && p <= 37 || p == 39 || p >= 40 && p <= 47 || p == 49,
                        "8 colours on " + term + ", no bright or 256-colour ones: " + params);
            }
            assertTrue(params.stream().anyMatch(p -> p >= 30 && p <= 37), "but colours: " + params);
        }
        assertEquals(-1, out.indexOf("38;5;"), "no 256-colour escape");
    }
}
