package org.threadlab.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not good recordings: each refused in one line that says FILE:LINE and what is wrong, or read with a note. */
class RecordingReaderTest {
    @TempDir
    Path dir;
    List<String> good;

    @BeforeEach
    void aGoodRecording() throws Exception {
        good = Files.readAllLines(RecordingRoundTripTest.record(dir.resolve("good.jsonl"), 6));
        // header, then event and model lines, then the end line
        assertTrue(good.get(0).startsWith("{\"type\":\"header\""));
        assertTrue(good.get(good.size() - 1).startsWith("{\"type\":\"end\""));
    }

    private Path file(List<String> lines) throws Exception {
        Path f = dir.resolve("f.jsonl");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    private String refusal(Path f) {
        BadRecording e = assertThrows(BadRecording.class, () -> RecordingReader.read(f));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    /** The line number of the n-th model line (1-based line numbers). */
    private int modelLine(int n) {
        int seen = 0;
        for (int i = 0; i < good.size(); i++) {
            if (good.get(i).startsWith("{\"type\":\"model\"") && ++seen == n) {
                return i;
            }
        }
        throw new AssertionError("no model " + n);
    }

    @Test
    void aCorruptLineInTheMiddleIsRefusedWithItsNumber() throws Exception {
        List<String> lines = new ArrayList<>(good);
        int i = modelLine(3);
        lines.set(i, lines.get(i).replace("\"host\":{", "\"host\":{{"));
        Path f = file(lines);
        String m = refusal(f);
        assertTrue(m.startsWith(f + ":" + (i + 1) + ": not valid JSON"), m);
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() throws Exception {
        List<String> lines = new ArrayList<>(good);
        int i = modelLine(2);
        lines.set(i, lines.get(i).replaceFirst("\"cpu\":[0-9.]+", "\"cpu\":\"fast\""));
        Path f = file(lines);
        assertEquals(f + ":" + (i + 1) + ": processes[0].cpu: expected a number, got the string \"fast\"", refusal(f));
    }

    @Test
    void aMissingFieldIsNamed() throws Exception {
        List<String> lines = new ArrayList<>(good);
        int i = modelLine(2);
        lines.set(i, lines.get(i).replaceFirst("\"mem_total\":[0-9]+,", ""));
        Path f = file(lines);
        assertEquals(f + ":" + (i + 1) + ": host.mem_total: missing", refusal(f));
    }

    @Test
    void withoutItsHeaderAFileIsNotARecording() throws Exception {
        Path f = file(good.subList(1, good.size()));
        assertTrue(refusal(f).startsWith(f + ":1: not a threadlab recording (its first line must be the header"), refusal(f));
        Path other = file(List.of("{\"name\":\"some other JSON Lines file\"}"));
        assertTrue(refusal(other).startsWith(other + ":1: not a threadlab recording"), refusal(other));
        Path text = file(List.of("hello"));
        assertTrue(refusal(text).startsWith(text + ":1: not a threadlab recording (not valid JSON"), refusal(text));
    }

    @Test
    void aNewerMajorVersionIsRefused() throws Exception {
        List<String> lines = new ArrayList<>(good);
        lines.set(0, lines.get(0).replace("\"version\":\"" + Format.VERSION + "\"", "\"version\":\"2.0\""));
        Path f = file(lines);
        assertEquals(f + ": recording format version 2.0 is newer than this threadlab reads (1.x): replay it with a newer threadlab",
                refusal(f));
    }

    @Test
    void anOlderMajorVersionIsRefused() throws Exception {
        List<String> lines = new ArrayList<>(good);
        lines.set(0, lines.get(0).replace("\"version\":\"" + Format.VERSION + "\"", "\"version\":\"0.9\""));
        Path f = file(lines);
        assertEquals(f + ": recording format version 0.9 is older than this threadlab reads (1.x): replay it with the threadlab that wrote it",
                refusal(f));
    }

    @Test
    void aNewerMinorVersionIsReadSkippingWhatItAdds() throws Exception {
        List<String> lines = new ArrayList<>(good);
        lines.set(0, lines.get(0).replace("\"version\":\"" + Format.VERSION + "\"", "\"version\":\"1.3\""));
        // a newer writer's new field and new kind of line
        int i = modelLine(2);
        lines.set(i, lines.get(i).replaceFirst("\\{\"type\":\"model\",", "{\"type\":\"model\",\"timeline\":[1,2,3],"));
        lines.add(i, "{\"type\":\"lesson\",\"step\":2}");
        Recording r = RecordingReader.read(file(lines));
        assertEquals(6, r.models().size());
        assertTrue(r.notes().contains("written by a newer threadlab (format 1.3): what this one does not know was skipped"), r.notes().toString());
        // the same unknown line in a file of this version is an error: nothing newer wrote it
        lines.set(0, good.get(0));
        Path f = file(lines);
        assertEquals(f + ":" + (i + 1) + ": type: unknown line type 'lesson'", refusal(f));
    }

    @Test
    void anEmptyFileIsNotARecording() throws Exception {
        Path f = dir.resolve("empty.jsonl");
        Files.writeString(f, "");
        assertEquals(f + ":1: empty: not a threadlab recording (no header)", refusal(f));
    }

    @Test
    void aPartialLastLineIsSkippedWithANote() throws Exception {
        // threadlab killed while writing model 5: no end line, and half a model line without its newline
        List<String> lines = new ArrayList<>(good.subList(0, modelLine(5)));
        String half = good.get(modelLine(5)).substring(0, 300);
        Path f = dir.resolve("cut.jsonl");
        Files.writeString(f, String.join("\n", lines) + "\n" + half, StandardCharsets.UTF_8);
        Recording r = RecordingReader.read(f);
        assertEquals(4, r.models().size());
        assertEquals(List.of(f + ":" + (lines.size() + 1) + ": the last line is unfinished (threadlab stopped while writing it): skipped",
                "no end line: the session was cut short (threadlab was killed or crashed)"), r.notes());
    }

    @Test
    void aCutThatEndsALineIsStillCorruptWhenTheLineIsNotWhole() throws Exception {
        // a newline after half a line is not what the writer does: that is damage, not a crash
        List<String> lines = new ArrayList<>(good.subList(0, modelLine(5)));
        lines.add(good.get(modelLine(5)).substring(0, 300));
        Path f = file(lines);
        assertTrue(refusal(f).startsWith(f + ":" + lines.size() + ": not valid JSON"), refusal(f));
    }

    @Test
    void anEventAModelNamesMustComeBeforeIt() throws Exception {
        List<String> lines = new ArrayList<>(good);
        lines.removeIf(l -> l.startsWith("{\"type\":\"event\",\"id\":2,"));
        Path f = file(lines);
        assertTrue(refusal(f).matches(java.util.regex.Pattern.quote(f.toString()) + ":\\d+: events\\[1\\]: event 2 is not written before this model"),
                refusal(f));
    }

    @Test
    void aDirectoryAMissingFileAndAnUnreadableOneAreSaidSo() throws Exception {
        assertEquals(dir + ": is a directory, not a recording", refusal(dir));
        Path missing = dir.resolve("nope.jsonl");
        assertEquals(missing + ": no such file", refusal(missing));
        Path locked = file(good);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(locked), "root reads any file: the permission case needs another user");
        assertEquals(locked + ": cannot be read (permission denied)", refusal(locked));
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aLineWithoutEndIsRefusedBeforeItFillsTheMemory() {
        // /dev/zero, or a binary file without newlines: endless zeros, never a newline
        java.io.InputStream zeros = new java.io.InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        };
        BadRecording e = assertThrows(BadRecording.class, () -> RecordingReader.read("zero", zeros));
        assertEquals("zero:1: a line longer than 64M: not a threadlab recording", e.getMessage());
    }
}
