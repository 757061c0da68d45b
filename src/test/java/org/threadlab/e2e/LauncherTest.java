package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher the build leaves beside the jar (target/threadlab, the README's start command): it
 * runs threadlab with the UI's JVM flags, from anywhere and through a symlink, on JAVA_HOME's java,
 * with JAVA_OPTS after its flags; and the screen starts through it in a real terminal.
 */
class LauncherTest {
    static final Path LAUNCHER = Jar.JAR.resolveSibling("threadlab");

    private record Result(int exit, String out) {}

    private static Result run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(Path.of("/").toFile());
        pb.environment().remove("JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher ended");
        return new Result(p.exitValue(), out);
    }

    /** JAVA_HOME of the JVM running the tests: the launcher then runs the same java. */
    private static Map<String, String> javaHome() {
        return Map.of("JAVA_HOME", System.getProperty("java.home"));
    }

    @Test
    void printsTheVersionFromAnywhereAndThroughASymlink(@TempDir Path dir) throws Exception {
        assertTrue(Files.isExecutable(LAUNCHER), "the build leaves an executable launcher at " + LAUNCHER);
        Result r = run(javaHome(), LAUNCHER.toString(), "--version");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().startsWith("threadlab "), r.out());
        assertTrue(r.out().contains("Java " + Runtime.version().feature()), "JAVA_HOME's java runs it: " + r.out());

        // on the PATH as a symlink (how issue 14 installs it): the jar is still found beside the real script
        Path link = dir.resolve("threadlab");
        Files.createSymbolicLink(link, LAUNCHER);
        Result linked = run(javaHome(), link.toString(), "--version");
        assertEquals(0, linked.exit(), linked.out());
        assertTrue(linked.out().startsWith("threadlab "), linked.out());
        Files.delete(link);

        // bad usage keeps its exit code through the launcher
        Result bad = run(javaHome(), LAUNCHER.toString(), "nonsense");
        assertEquals(2, bad.exit(), bad.out());
    }

    @Test
    void javaOptsComeAfterTheFlagsAndMayChooseAnotherCollector() throws Exception {
        Result r = run(Map.of("JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS", "-XX:+UseG1GC -XX:+PrintFlagsFinal"),
                LAUNCHER.toString(), "--version");
        assertEquals(0, r.exit(), "a collector in JAVA_OPTS replaces the launcher's (the JVM refuses two): " + r.out());
        assertTrue(r.out().matches("(?s).*\\bUseG1GC\\s+= true.*"), "JAVA_OPTS' collector: " + r.out().lines().filter(l -> l.contains("GC ")).toList());
        assertTrue(r.out().matches("(?s).*\\bUsePerfData\\s+= false.*"), "the launcher's other flags stay");
        // malloc's freed arenas (the compilers') given back every 5 s, where the JVM has the flag (17.0.9+, 21.0.1+);
        // an older one ignores it rather than refusing to start
        if (r.out().contains("TrimNativeHeapInterval")) {
            assertTrue(r.out().matches("(?s).*\\bTrimNativeHeapInterval\\s+= 5000\\b.*"), "the native heap trimmed: "
                    + r.out().lines().filter(l -> l.contains("TrimNative")).toList());
        }
        assertTrue(r.out().matches("(?s).*\\bIgnoreUnrecognizedVMOptions\\s+= true.*"), "a JVM without one of the flags still starts");
        // a young generation of 64 MiB, not a third of the heap: all of it is resident once garbage has
        // cycled through it, 12 KiB a worker at 10,000 with the default (docs/PERFORMANCE.md, "Many workers")
        assertTrue(r.out().matches("(?s).*\\bMaxNewSize\\s+= 67108864\\b.*"), "the young generation's size: "
                + r.out().lines().filter(l -> l.contains("NewSize ")).toList());
    }

    @Test
    void theScreenStartsThroughItWithTheFlags() throws Exception {
        Assumptions.assumeTrue(Jar.isLinux() && Tmux.available(), "needs tmux and /proc");
        String cmd = "JAVA_HOME=" + System.getProperty("java.home") + " " + LAUNCHER + " --interval 1s; echo EXITED $?; sleep 60";
        try (Tmux t = Tmux.start(120, 40, cmd)) {
            String s = t.await("the screen", x -> x.contains("?:help") && x.contains("every 1s"), 20_000);
            assertTrue(s.contains("no threads yet"), s);
            long pid = ProcessHandle.of(t.panePid()).orElseThrow().descendants()
                    .filter(p -> Jar.cmdline(p.pid()).contains("threadlab.jar")).findFirst().orElseThrow().pid();
            String cmdline = Jar.cmdline(pid);
            for (String flag : List.of("-XX:+UseSerialGC", "-XX:-UsePerfData", "-jar " + Jar.JAR)) {
                assertTrue(cmdline.contains(flag), "the screen's JVM runs with " + flag + ": " + cmdline);
            }
            t.type("q");
            s = t.await("the exit", x -> x.contains("EXITED 0"), 15_000);
            assertTrue(s.contains("EXITED 0"), s);
        }
    }
}
