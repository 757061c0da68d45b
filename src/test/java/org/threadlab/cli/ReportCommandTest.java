package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.threadlab.NoChildrenLeft;

/** {@code threadlab report} as a user types it: the page written, and every bad input refused in one line. */
@ExtendWith(NoChildrenLeft.class)
class ReportCommandTest {
    @TempDir
    static Path shared;
    /** A real recording of a short run, made once. */
    static Path recording;

    @TempDir
    Path dir;

    @BeforeAll
    static void record() {
        recording = shared.resolve("run.jsonl");
        CliTest.Outcome o = CliTest.exec("run", "sleep", "--count", "2", "--duration", "300ms", "--record", recording.toString());
        assertEquals(0, o.code(), o.err());
    }

    private Path copy(String name) throws Exception {
        Path f = dir.resolve(name);
        Files.copy(recording, f);
        return f;
    }

    private static void refused(String expected, CliTest.Outcome o) {
        assertEquals(2, o.code(), o.err());
        assertEquals("threadlab: " + expected, o.err().trim(), "one line in the user's terms");
    }

    @Test
    void writesThePageBesideTheRecordingNamedAfterIt() throws Exception {
        Path f = copy("lesson.jsonl");
        CliTest.Outcome o = CliTest.exec("report", f.toString());
        assertEquals(0, o.code(), o.err());
        Path page = dir.resolve("lesson.html");
        assertTrue(Files.isRegularFile(page), o.err());
        assertTrue(Pattern.compile("threadlab: wrote " + Pattern.quote(page.toString()) + " \\(\\d+K\\): \\d+ models over \\d+\\.\\d\\ds, "
                + "2 workers, \\d+ events").matcher(o.err().trim()).matches(), o.err());
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<title>threadlab run on "), html.substring(0, 300));
        assertTrue(html.contains("#1 sleep-1 (thread sleep)") && html.contains("#2 sleep-2 (thread sleep)"), "a lane per worker");
        try (var left = Files.list(dir)) {
            assertEquals(List.of("lesson.html", "lesson.jsonl"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file left beside it");
        }
        assertEquals(dir.resolve("rec.html"), ReportCommand.defaultOutput(dir.resolve("rec")));
        assertEquals(dir.resolve("a.b.html"), ReportCommand.defaultOutput(dir.resolve("a.b.jsonl")));
    }

    @Test
    void dashOWritesWhereAskedReplacingAnOlderPage() throws Exception {
        Path out = dir.resolve("out.html");
        Files.writeString(out, "old");
        CliTest.Outcome o = CliTest.exec("report", recording.toString(), "-o", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.readString(out).contains("id=\"report-data\""));
        assertFalse(Files.exists(shared.resolve("run.html")), "not also beside the recording");
    }

    @Test
    void filesThatAreNoRecordingAreRefusedAsReplayRefusesThem() throws Exception {
        Path missing = dir.resolve("nope.jsonl");
        refused(missing + ": no such file", CliTest.exec("report", missing.toString(), "-o", dir.resolve("a.html").toString()));
        refused(missing + ": no such file", CliTest.exec("report", missing.toString(), "-o", missing.toString()));
        refused(dir + ": is a directory, not a recording", CliTest.exec("report", dir.toString(), "-o", dir.resolve("a.html").toString()));
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello\n");
        CliTest.Outcome o = CliTest.exec("report", text.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("threadlab: " + text + ":1: not a threadlab recording"), o.err());
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "");
        refused(empty + ":1: empty: not a threadlab recording (no header)", CliTest.exec("report", empty.toString()));
        assertFalse(Files.exists(dir.resolve("empty.html")), "no page for a refused file");
    }

    @Test
    void aRecordingWithoutAModelHasNothingToReport() throws Exception {
        Path header = dir.resolve("header.jsonl");
        Files.writeString(header, Files.readAllLines(recording).get(0) + "\n");
        refused(header + ": nothing to report: the session ended before its first model", CliTest.exec("report", header.toString()));
    }

    @Test
    void aCutShortRecordingIsDrawnAsFarAsItGoesAndSaysSo() throws Exception {
        List<String> lines = Files.readAllLines(recording);
        // killed while writing a model: the models before it, then half a line, no end line
        int keep = lines.size() - 2;
        String cut = String.join("\n", lines.subList(0, keep)) + "\n" + lines.get(keep).substring(0, lines.get(keep).length() / 2);
        Path f = dir.resolve("cut.jsonl");
        Files.writeString(f, cut);
        CliTest.Outcome o = CliTest.exec("report", f.toString());
        assertEquals(0, o.code(), o.err());
        List<String> err = o.err().lines().toList();
        assertEquals("threadlab: " + f + ":" + (keep + 1) + ": the last line is unfinished (threadlab stopped while writing it): skipped",
                err.get(0));
        assertEquals("threadlab: no end line: the session was cut short (threadlab was killed or crashed)", err.get(1));
        assertTrue(err.get(2).startsWith("threadlab: wrote " + dir.resolve("cut.html") + " "), "how much was drawn: " + err.get(2));
        assertTrue(err.get(2).contains(" models over "), err.get(2));
        assertTrue(Files.readString(dir.resolve("cut.html")).contains("the last line is unfinished"), "the page says so too");
    }

    @Test
    void aPageThatCannotBeWrittenThereIsRefused() throws Exception {
        Path sub = dir.resolve("pages");
        Files.createDirectory(sub);
        refused(sub + ": is a directory: name the page to write, e.g. -o " + sub.resolve("report.html"),
                CliTest.exec("report", recording.toString(), "-o", sub.toString()));
        Path nowhere = dir.resolve("no-such-dir").resolve("r.html");
        refused(nowhere + ": cannot write it (no directory " + nowhere.getParent() + ")",
                CliTest.exec("report", recording.toString(), "-o", nowhere.toString()));
        Path underFile = recording.resolve("r.html");
        refused(underFile + ": cannot write it (" + recording + " is not a directory)",
                CliTest.exec("report", recording.toString(), "-o", underFile.toString()));
        Path f = copy("same.jsonl");
        refused(f + ": is the recording itself: name another file for the page with -o",
                CliTest.exec("report", f.toString(), "-o", f.toString()));
        // the same file by another name
        Path other = dir.resolve(".").resolve("same.jsonl");
        refused(other + ": is the recording itself: name another file for the page with -o",
                CliTest.exec("report", f.toString(), "-o", other.toString()));
        assertEquals(Files.readString(recording), Files.readString(f), "the recording untouched");
    }

    @Test
    void aPageThatCannotBeWrittenForWantOfPermissionIsRefused() throws Exception {
        Path locked = dir.resolve("locked");
        Files.createDirectory(locked);
        assertTrue(locked.toFile().setWritable(false, false));
        try {
            Path page = locked.resolve("r.html");
            if (Files.isWritable(locked)) {
                // root writes anywhere it may, but not into sysfs: a new file there is refused (EACCES) even to root
                org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/sys/kernel")), "root, and no /sys to be refused by");
                page = Path.of("/sys", "threadlab-report.html");
            }
            refused(page + ": cannot write it (permission denied)", CliTest.exec("report", recording.toString(), "-o", page.toString()));
            assertFalse(Files.exists(page));
        } finally {
            locked.toFile().setWritable(true, false);
        }
        Path proc = Path.of("/proc", "threadlab-report.html");
        if (Files.isDirectory(proc.getParent())) {
            refused(proc + ": cannot write it (no file can be created there)",
                    CliTest.exec("report", recording.toString(), "-o", proc.toString()));
        }
    }

    @Test
    void helpAndCompletionKnowIt() throws Exception {
        CliTest.Outcome help = CliTest.exec("report", "--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("Usage: threadlab report") && help.out().contains("-o, --output=HTML"), help.out());
        assertTrue(help.out().replaceAll("\\s+", " ").contains("s.jsonl gives s.html"), "the default name is said");
        help.out().lines().forEach(l -> assertTrue(l.length() <= 80, "longer than 80 columns: " + l));
        assertTrue(CliTest.exec("--help").out().contains("report"), "listed among the commands");

        CliTest.Outcome o = CliTest.exec("generate-completion");
        assertEquals(0, o.code(), o.err());
        Path script = dir.resolve("threadlab.bash");
        Files.writeString(script, o.out());
        assertEquals("replay report", complete(script, "threadlab rep"));
        assertEquals("--output", complete(script, "threadlab report --ou"));
        Files.writeString(dir.resolve("session.jsonl"), "");
        assertEquals(dir.resolve("session.jsonl").toString(), complete(script, "threadlab report " + dir.resolve("sess")));
    }

    /** What bash completes for {@code line}, as in CompletionTest. */
    private static String complete(Path script, String line) throws Exception {
        String[] words = line.split(" ", -1);
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append('"').append(w).append("\" ");
        }
        String body = "source " + script + " 2>/dev/null; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE='" + line + "'; _complete_threadlab 2>/dev/null; echo \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder("bash", "-c", body).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "bash did not finish");
        return out;
    }
}
