package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.threadlab.NoChildrenLeft;

/** threadlab lesson: --list, --check, a bad file or name (exit 2, nothing started), headless text and JSON. */
@ExtendWith(NoChildrenLeft.class)
class LessonCommandTest {
    private static CliTest.Outcome exec(String... args) {
        return CliTest.exec(args);
    }

    @Test
    void listShowsTheBuiltInsWithTheirTitles() {
        CliTest.Outcome o = exec("lesson", "--list");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("lesson "), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.matches("gil +The GIL - threads with it, without it, and processes")), o.out());
        assertTrue(o.out().contains("shared-counter"), o.out());
        assertEquals(2, exec("lesson", "--list", "gil").code(), "--list takes no lesson");
        String completion = exec("generate-completion").out();
        assertTrue(completion.contains("\"io-vs-cpu\" \"gil\""), "lesson names complete");
    }

    @Test
    void checkReadsOnly(@TempDir Path dir) throws IOException {
        CliTest.Outcome o = exec("lesson", "gil", "--check");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().matches("built-in gil: \\d+ steps, OK\\n"), o.out());
        Path file = dir.resolve("two.yaml");
        Files.writeString(file, "title: Two\nsteps:\n  - title: a\n    say: b\n    do:\n      - gil: on\n  - title: c\n    say: d\n");
        o = exec("lesson", file.toString(), "--check");
        assertEquals(0, o.code(), o.err());
        assertEquals(file + ": 2 steps, OK\n", o.out());
    }

    @Test
    void aBadFileIsEveryMistakeWithItsLineExit2AndNothingStarts(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        // the first step is fine and would start workers: nothing may start before every line is checked
        Files.writeString(file, "title: Bad\nsteps:\n  - title: a\n    say: b\n    do:\n      - start: 2 threads sleep duration=1m\n"
                + "  - title: c\n    say: d\n    do:\n      - start: 2 threads cpu units=abc\n      - wiat: 2s\n");
        CliTest.Outcome o = exec("lesson", file.toString(), "--headless");
        assertEquals(2, o.code());
        assertEquals("", o.out(), "nothing ran");
        String[] lines = o.err().split("\n");
        assertEquals(2, lines.length, o.err());
        assertTrue(lines[0].startsWith(file + ":10: "), o.err());
        assertTrue(lines[1].startsWith(file + ":11: ") && lines[1].contains("wiat"), o.err());
    }

    @Test
    void anUnknownNameIsOneLineAndExit2() {
        CliTest.Outcome o = exec("lesson", "no-such-lesson", "--headless");
        assertEquals(2, o.code());
        assertEquals("", o.out());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().startsWith("no lesson 'no-such-lesson'") && o.err().contains("gil"), o.err());
        CliTest.Outcome none = exec("lesson");
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("threadlab: name a lesson"), none.err());
        assertEquals(2, exec("lesson", "gil", "--json").code(), "--json needs --headless");
    }

    @Test
    void headlessPrintsTheLessonAndTheFatesOrJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tiny.yaml");
        Files.writeString(file, String.join("\n", "title: Tiny", "about: One step.", "steps:", "  - title: Sleepers",
                "    say: Two threads sleep.", "    ask: How long?", "    answer: |", "      As long as one.", "      The waits overlap.",
                "    do:", "      - start: 2 threads sleep duration=100ms", "      - wait: round",
                "      - start: 1 daemon thread sleep duration=1m", ""));
        CliTest.Outcome o = exec("lesson", file.toString(), "--headless");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("Tiny\nOne step.\n\nStep 1 of 1: Sleepers\n  Two threads sleep.\n  Ask the class: How long?\n"), o.out());
        assertTrue(o.out().contains("  Answer: As long as one.\n          The waits overlap.\n"), o.out());
        assertTrue(o.out().contains("The lesson is over."), o.out());
        assertTrue(o.out().contains("threadlab: what became of the 3 workers started"), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.contains("sleep-3") && l.contains("killed as a daemon")), o.out());
        CliTest.Outcome json = exec("lesson", file.toString(), "--headless", "--json");
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().startsWith("{\"lesson\":\"tiny\",\"complete\":true,\"steps\":[{\"step\":1,\"title\":\"Sleepers\""), json.out());
        assertEquals(1, json.out().lines().count(), "JSON alone on stdout: " + json.out());
        assertTrue(json.err().contains("what became of the 3 workers"), json.err());
    }
}
