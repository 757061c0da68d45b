package org.threadlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lessons: the built-ins listed in teaching order (from a folder and from a jar), loading by name and by file. */
class LessonsTest {
    @TempDir
    Path dir;

    @Test
    void theBuiltInsAreListedInTeachingOrderWithTheirTitles() {
        List<Lessons.Info> all = Lessons.builtIn();
        List<String> names = new ArrayList<>();
        for (Lessons.Info i : all) {
            names.add(i.name());
            assertTrue(!i.title().isBlank() && !i.about().isBlank(), () -> i + " has a title and says what it is about");
        }
        assertEquals(Lessons.ORDER, names, "every file in demos/lessons is a built-in, in the teaching order");
        assertEquals("The GIL - threads with it, without it, and processes", all.get(1).title());
    }

    @Test
    void aBuiltInLoadsByName() {
        Lesson gil = Lessons.load("gil");
        assertEquals("gil", gil.name());
        assertEquals("built-in gil", gil.source());
        assertTrue(gil.steps().size() >= 4);
    }

    @Test
    void anUnknownNameSaysWhichExist() {
        LessonFileException e = assertThrows(LessonFileException.class, () -> Lessons.load("gill"));
        assertEquals("no lesson 'gill': the built-in lessons are " + String.join(", ", Lessons.ORDER)
                + " (or give a lesson file: a path ending in .yaml)", e.getMessage());
    }

    @Test
    void aFileLoadsByItsPathAndItsMistakesNameThePathAsGiven() throws IOException {
        Path f = dir.resolve("mine.yaml");
        Files.writeString(f, "title: Mine\nsteps:\n  - title: S\n    say: hello\n");
        Lesson l = Lessons.load(f.toString());
        assertEquals("mine", l.name());
        assertEquals(f.toString(), l.source());
        assertEquals("hello", l.steps().get(0).say());

        Files.writeString(f, "title: Mine\nsteps:\n  - title: S\n    do:\n      - wait: 2x\n");
        LessonFileException e = assertThrows(LessonFileException.class, () -> Lessons.load(f.toString()));
        assertEquals(List.of(f + ":5: wait: '2x' is not a time (2s, 500ms, 1m), round or key"), e.problems());

        // a file in the working directory, named without a folder: an existing path wins over a built-in's name
        Path plain = dir.resolve("gil");
        Files.writeString(plain, "title: Not the built-in\nsteps:\n  - title: S\n    say: s\n");
        assertEquals("Not the built-in", Lessons.load(plain.toString()).title());
    }

    @Test
    void aMissingOrUnreadableFileIsOneClearLine() throws IOException {
        assertTrue(assertThrows(LessonFileException.class, () -> Lessons.load(" ")).getMessage().startsWith("no lesson given: name a built-in (io-vs-cpu, gil,"));
        assertEquals("nothere.yaml: no such file",
                assertThrows(LessonFileException.class, () -> Lessons.load("nothere.yaml")).getMessage());
        assertEquals("lessons/gil: no such file",
                assertThrows(LessonFileException.class, () -> Lessons.load("lessons/gil")).getMessage());
        assertEquals(dir + ": not a file", assertThrows(LessonFileException.class, () -> Lessons.load(dir.toString())).getMessage());
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'t', 'i', 't', 'l', 'e', ':', ' ', (byte) 0xe9, '\n'});
        assertEquals(latin1 + ": cannot be read (not UTF-8 text)",
                assertThrows(LessonFileException.class, () -> Lessons.load(latin1.toString())).getMessage());
    }

    @Test
    void theBuiltInsAreListedFromAJarWithoutFolderEntries() throws IOException {
        Path jar = dir.resolve("t.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("demos/busy_threads.py", "demos/lessons/zz-extra.yaml", "demos/lessons/gil.yaml",
                    "demos/lessons/io-vs-cpu.yaml", "demos/lessons/notes.txt", "demos/lessons/old/queues.yaml", "demos/other.yaml")) {
                out.putNextEntry(new JarEntry(name));
                out.write("x".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertEquals(List.of("io-vs-cpu", "gil", "zz-extra"), Lessons.names(loader),
                    "the teaching order first, then the others by name; only demos/lessons/*.yaml");
        }
    }

    @Test
    void theBuiltInsAreListedFromAFolderOnTheClassPath() throws IOException {
        Path lessons = Files.createDirectories(dir.resolve("demos/lessons"));
        Files.writeString(dir.resolve("demos/busy_threads.py"), "x");
        for (String n : List.of("b-mine.yaml", "a-mine.yaml", "queues.yaml", "readme.md")) {
            Files.writeString(lessons.resolve(n), "x");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertEquals(List.of("queues", "a-mine", "b-mine"), Lessons.names(loader));
        }
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertEquals(List.of(), Lessons.names(empty));
        }
    }
}
