package org.threadlab.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * threadlab as a user starts it, for the figures that measure the whole program: the launcher the
 * build leaves beside the jar ({@code target/threadlab}, with the UI JVM's flags) when the bench runs
 * from that jar; from a build's classes (the tests), this JVM's java with the same flags and class path.
 *
 * @param words       the command, one word each
 * @param environment what it needs set: JAVA_HOME, so the launcher runs the bench's own java
 * @param described   how it was started, for a row's note
 */
record UserCommand(List<String> words, java.util.Map<String, String> environment, String described) {

    static UserCommand find() {
        String javaHome = System.getProperty("java.home");
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
            Path launcher = Path.of(classPath).toAbsolutePath().resolveSibling("threadlab");
            if (Files.isRegularFile(launcher) && Files.isExecutable(launcher)) {
                return new UserCommand(List.of(launcher.toString()), java.util.Map.of("JAVA_HOME", javaHome),
                        "started as " + launcher.getFileName() + " (the launcher beside the jar)");
            }
        }
        List<String> words = new ArrayList<>();
        words.add(Path.of(javaHome, "bin", "java").toString());
        List<String> flags = jvmFlags();
        words.addAll(flags);
        words.addAll(List.of("-cp", classPath, "org.threadlab.ThreadLab"));
        return new UserCommand(words, java.util.Map.of(), flags.isEmpty()
                ? "started with java -cp and no launcher flags (none known to this build)"
                : "started with java, the launcher's flags and this class path (no launcher beside a jar)");
    }

    /** The launcher's JVM flags, as the build wrote them into the jar; none when the resource was not filtered. */
    static List<String> jvmFlags() {
        Properties p = new Properties();
        try (InputStream in = UserCommand.class.getResourceAsStream("/threadlab-launcher.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return List.of();
        }
        String flags = p.getProperty("jvmFlags", "").trim();
        if (flags.isEmpty() || flags.contains("${")) {
            return List.of();
        }
        boolean trim = trimsNativeHeap(Runtime.version());
        return java.util.Arrays.stream(flags.split("\\s+"))
                .filter(f -> trim || !f.startsWith("-XX:TrimNativeHeapInterval=")).toList();
    }

    /**
     * Whether this java has {@code -XX:TrimNativeHeapInterval} (17.0.9 and 21.0.1 on, 22 on): an older
     * one refuses to start with it, so it is left out there, as the launcher does (by the release file).
     */
    static boolean trimsNativeHeap(Runtime.Version v) {
        int feature = v.feature();
        return feature >= 22 || (feature == 21 && v.update() >= 1) || (feature == 17 && v.update() >= 9);
    }

    /** The command with {@code args} after it, quoted for {@code sh -c}. */
    String shell(String... args) {
        StringBuilder sb = new StringBuilder("exec");
        for (String w : words) {
            sb.append(' ').append(quote(w));
        }
        for (String a : args) {
            sb.append(' ').append(quote(a));
        }
        return sb.toString();
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
