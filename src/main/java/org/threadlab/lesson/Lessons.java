package org.threadlab.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.threadlab.text.NaturalOrder;

/**
 * The lessons inside threadlab's jar ({@code demos/lessons/*.yaml}) and lesson files a teacher writes:
 * {@link #builtIn()} lists the built-ins in teaching order, {@link #load} reads one by name or path.
 */
public final class Lessons {
    /** Where the built-ins are, in the jar and in target/classes. */
    static final String FOLDER = "demos/lessons/";
    /**
     * The teaching order: each idea builds on the one before. A built-in not named here (one a teacher
     * added to demos/lessons/) comes after these, by name.
     */
    static final List<String> ORDER = List.of("io-vs-cpu", "gil", "cheap-threads", "shared-counter", "no-shared-memory",
            "queues", "daemons", "terminate-join", "pool-map");

    /** A built-in lesson as {@code lesson --list} shows it. */
    public record Info(String name, String title, String about) {}

    private Lessons() {}

    /** The built-in lessons, in teaching order, with their titles (each file read and checked). */
    public static List<Info> builtIn() {
        List<Info> out = new ArrayList<>();
        for (String name : names(Lessons.class.getClassLoader())) {
            Lesson l = builtIn(name);
            out.add(new Info(l.name(), l.title(), l.about()));
        }
        return out;
    }

    /** The names of the built-ins this class loader sees, in teaching order. */
    static List<String> names(ClassLoader loader) {
        List<String> found = new ArrayList<>(files(loader));
        found.sort(NaturalOrder.INSTANCE);
        List<String> out = new ArrayList<>();
        for (String n : ORDER) {
            if (found.remove(n)) {
                out.add(n);
            }
        }
        out.addAll(found);
        return out;
    }

    /**
     * A lesson by the name of a built-in or the path of a file: a path that exists, or looks like one (has a
     * '/' or ends in .yaml), is read as a file, anything else is a built-in's name. Throws
     * {@link LessonFileException}: every mistake in the file, or one line when it cannot be found or read.
     */
    public static Lesson load(String nameOrFile) {
        if (nameOrFile.isBlank()) {
            throw new LessonFileException("no lesson given: name a built-in (" + String.join(", ", names(Lessons.class.getClassLoader()))
                    + ") or a lesson file");
        }
        Path path = Path.of(nameOrFile);
        if (Files.exists(path) || nameOrFile.contains("/") || nameOrFile.endsWith(".yaml")) {
            return file(path, nameOrFile);
        }
        List<String> names = names(Lessons.class.getClassLoader());
        if (!names.contains(nameOrFile)) {
            throw new LessonFileException("no lesson '" + nameOrFile + "': the built-in lessons are " + String.join(", ", names)
                    + " (or give a lesson file: a path ending in .yaml)");
        }
        return builtIn(nameOrFile);
    }

    private static Lesson file(Path path, String asGiven) {
        if (!Files.isRegularFile(path)) {
            throw new LessonFileException(asGiven + ": " + (Files.exists(path) ? "not a file" : "no such file"));
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LessonFileException(asGiven + ": cannot be read ("
                    + (e instanceof java.nio.charset.MalformedInputException ? "not UTF-8 text" : e.getMessage()) + ")");
        }
        String file = path.getFileName().toString();
        String name = file.endsWith(".yaml") ? file.substring(0, file.length() - ".yaml".length()) : file;
        return LessonReader.read(name, asGiven, text);
    }

    private static Lesson builtIn(String name) {
        try (InputStream in = Lessons.class.getClassLoader().getResourceAsStream(FOLDER + name + ".yaml")) {
            if (in == null) {
                throw new LessonFileException("built-in lesson " + name + " is missing from threadlab's jar");
            }
            return LessonReader.read(name, "built-in " + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LessonFileException("built-in lesson " + name + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * The names (without .yaml) of the files in demos/lessons/, read from the jar's entries or from the
     * folder on the class path (tests, a run from target/classes). A class loader's resources cannot be
     * listed in general: these two are the ways threadlab runs.
     */
    static List<String> files(ClassLoader loader) {
        // a file every build has (the Python demos travel beside the lessons) finds the folder even in a
        // jar that has no entries for folders
        URL url = loader.getResource("demos/busy_threads.py");
        if (url == null) {
            return List.of();
        }
        try {
            if (url.getProtocol().equals("jar")) {
                URLConnection c = url.openConnection();
                c.setUseCaches(false);
                Path jar = Path.of(((JarURLConnection) c).getJarFileURL().toURI());
                return inJar(jar);
            }
            Path folder = Path.of(url.toURI()).getParent().resolve("lessons");
            return inFolder(folder);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw new LessonFileException("cannot list the built-in lessons: " + e.getMessage());
        }
    }

    private static List<String> inJar(Path jar) throws IOException {
        List<String> out = new ArrayList<>();
        try (JarFile j = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = j.entries();
            while (entries.hasMoreElements()) {
                String n = entries.nextElement().getName();
                if (n.startsWith(FOLDER) && n.endsWith(".yaml") && n.indexOf('/', FOLDER.length()) < 0) {
                    out.add(n.substring(FOLDER.length(), n.length() - ".yaml".length()));
                }
            }
        }
        return out;
    }

    private static List<String> inFolder(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(f -> {
                String n = f.getFileName().toString();
                if (n.endsWith(".yaml") && Files.isRegularFile(f)) {
                    out.add(n.substring(0, n.length() - ".yaml".length()));
                }
            });
        }
        return out;
    }
}
