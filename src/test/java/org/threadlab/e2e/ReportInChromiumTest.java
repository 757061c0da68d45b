package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlab.record.Recording;
import org.threadlab.record.RecordingReader;
import org.threadlab.record.ReportData;

/**
 * A report of a real session of the jar (a lesson run headless: two threads under the GIL, then two
 * processes), loaded in a real headless Chromium with no network: it draws without an error, one
 * series per core and one lane per worker (the page says what it drew as data attributes of its body).
 */
class ReportInChromiumTest {
    private static final String LESSON = """
            title: Threads, then processes
            about: A short session for the report's test.
            steps:
              - title: Two threads under the GIL
                say: Two threads burn CPU, taking turns with the simulated GIL.
                do:
                  - gil: on
                  - start: 2 threads cpu units=0.3
                  - wait: round
              - title: Two processes
                say: Two processes sleep.
                do:
                  - gil: off
                  - start: 2 processes sleep duration=600ms
                  - wait: round
            """;

    @TempDir
    Path dir;

    @Test
    void aRecordedSessionsReportDrawsInHeadlessChromium() throws Exception {
        String chromium = chromium();
        Assumptions.assumeTrue(chromium != null, "no Chromium (/usr/bin/chromium, or chromium on the PATH): CI installs it");
        Path lesson = dir.resolve("session.yaml");
        Files.writeString(lesson, LESSON);
        Path rec = dir.resolve("session.jsonl");
        String out = run(Jar.command("lesson", lesson.toString(), "--headless", "--interval", "200ms", "--record", rec.toString()), 120);
        Path page = dir.resolve("session.html");
        String wrote = run(Jar.command("report", rec.toString()), 60);
        assertTrue(wrote.contains("threadlab: wrote " + page), wrote + "\n" + out);

        Recording r = RecordingReader.read(rec);
        ReportData data = ReportData.of(r, "session.jsonl");
        assertEquals(4, data.lanes().size(), "two threads and two processes: " + data.lanes());
        assertEquals(2, data.rounds().size(), "two rounds: " + data.rounds());
        assertEquals(r.header().cores(), data.cores().size(), "a series for every core of the machine");

        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr", "--v=0",
                // no name resolves: a page that needed the network would fail to draw
                "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1280,1600", "--virtual-time-budget=10000",
                "--dump-dom", page.toUri().toString()));
        Path dom = dir.resolve("dom.html");
        Path log = dir.resolve("chromium.log");
        Process p = new ProcessBuilder(cmd).redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Chromium did not finish in 120 s");
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String html = Files.readString(dom, StandardCharsets.UTF_8);
        String stderr = Files.readString(log, StandardCharsets.UTF_8);
        Matcher body = Pattern.compile("<body([^>]*)>").matcher(html);
        assertTrue(body.find(), "no page dumped: " + stderr);
        String attrs = body.group(1);
        String errors = html.contains("<pre id=\"errors\"") ? html.substring(html.indexOf("<pre id=\"errors\""),
                html.indexOf("</pre>", html.indexOf("<pre id=\"errors\""))) : "";
        assertEquals("0", attr(attrs, "data-errors"), "script errors in the page: " + errors);
        assertFalse(Pattern.compile("CONSOLE.*(Uncaught|Error)").matcher(stderr).find(), "console errors:\n" + consoleLines(stderr));
        assertEquals("1", attr(attrs, "data-ready"), "the script did not finish drawing: " + attrs);
        assertEquals(String.valueOf(data.cores().size()), attr(attrs, "data-cores-drawn"), "one series per core");
        assertEquals(String.valueOf(data.lanes().size()), attr(attrs, "data-lanes-drawn"), "one lane per worker");
        // what a reader sees besides the charts: the rounds with their verdicts, the events
        assertTrue(html.contains("2 threads + GIL cpu units=0.3") && html.contains("2 processes sleep duration=600ms"), "rounds listed");
        assertTrue(html.contains("started thread cpu-1"), "events listed");
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : null;
    }

    private static String consoleLines(String stderr) {
        return String.join("\n", stderr.lines().filter(l -> l.contains("CONSOLE")).toList());
    }

    /** Runs a command to its end (at most {@code seconds}), its output joined; a non-zero exit fails the test. */
    private static String run(List<String> cmd, int seconds) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                out[0] = p.getInputStream().readAllBytes();
            } catch (java.io.IOException e) {
                out[0] = new byte[0];
            }
        });
        reader.start();
        boolean ended = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        reader.join(10_000);
        String text = out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8);
        assertTrue(ended, String.join(" ", cmd) + " did not end in " + seconds + " s:\n" + text);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + text);
        return text;
    }

    /** /usr/bin/chromium, or a chromium on the PATH; null when there is none. */
    private static String chromium() {
        if (Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            return "/usr/bin/chromium";
        }
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path c = Path.of(d, name);
                if (!d.isEmpty() && Files.isExecutable(c)) {
                    return c.toString();
                }
            }
        }
        return null;
    }
}
