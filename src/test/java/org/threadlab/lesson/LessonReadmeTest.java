package org.threadlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** demos/README.md tells the truth: its example lesson parses and uses every action, its mistakes are the reader's, its table the built-ins. */
class LessonReadmeTest {
    private static String readme() throws IOException {
        return Files.readString(Path.of("demos/README.md"));
    }

    /** The fenced block that follows {@code after}. */
    private static String block(String text, String after) {
        int at = text.indexOf(after);
        assertTrue(at >= 0, "demos/README.md has " + after);
        int start = text.indexOf('\n', text.indexOf("```", at)) + 1;
        return text.substring(start, text.indexOf("```", start));
    }

    @Test
    void theExampleParsesAndShowsEveryAction() throws IOException {
        Lesson l = LessonReader.read("example", "demos/README.md", block(readme(), "### The lesson file"));
        Set<Class<?>> used = new HashSet<>();
        Set<String> counts = new HashSet<>();
        boolean daemon = false;
        for (Step s : l.steps()) {
            for (Action a : s.actions()) {
                used.add(a.getClass());
                if (a instanceof Action.Start st) {
                    counts.add(st.count().fixed() > 0 ? "N" : st.count().toString());
                    daemon |= st.daemon();
                }
            }
        }
        assertEquals(Set.of(Action.class.getPermittedSubclasses()), used, "every kind of action");
        assertEquals(Set.of("N", "cores", "2*cores"), counts, "every form of count");
        assertTrue(daemon);
        assertTrue(l.steps().get(0).say().contains("\n"), "multi-line narration");
        assertTrue(l.steps().get(1).ask() != null && l.steps().get(1).ask().answer() != null, "ask and answer");
    }

    @Test
    void theMistakesShownAreTheReadersOwn() throws IOException {
        String file = String.join("\n",
                "title: Mine",
                "steps:",
                "  - title: One",
                "    say: s",
                "  - title: Two",
                "    say: t",
                "    sya: oops",
                "    do:",
                "      - gil: on",
                "      - start: 1 thread cpu units=0.4",
                "      - wait: round",
                "      - start: 0 threads cpu",
                "      - show: rounds",
                "      - start: 1 thread exec cmd=python3 x.py",
                "      - wait: 2x",
                "      - clear",
                "      - show: round",
                "      - jump: 3",
                "");
        List<String> shown = new ArrayList<>(block(readme(), "### Mistakes").lines().toList());
        assertEquals("$ threadlab lesson my-lesson.yaml", shown.remove(0));
        LessonFileException e = assertThrows(LessonFileException.class, () -> LessonReader.read("my-lesson", "my-lesson.yaml", file));
        assertEquals(shown, e.problems());
    }

    @Test
    void theTableListsTheBuiltInsInOrder() throws IOException {
        String text = readme();
        String section = text.substring(text.indexOf("### Built-in lessons"), text.indexOf("### The lesson file"));
        Matcher m = Pattern.compile("(?m)^\\| `([a-z-]+)` \\| ([^|]+) \\|").matcher(section);
        List<String> rows = new ArrayList<>();
        while (m.find()) {
            rows.add(m.group(1) + " | " + m.group(2).trim());
        }
        List<String> builtIn = new ArrayList<>();
        for (Lessons.Info i : Lessons.builtIn()) {
            builtIn.add(i.name() + " | " + i.title());
        }
        assertEquals(builtIn, rows);
    }
}
