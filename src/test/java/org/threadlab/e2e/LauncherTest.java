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

    /** The kernel names of a process's threads. */
    private static List<String> kernelNames(long pid) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    names.add(Files.readString(t.resolve("comm")).trim());
                } catch (IOException gone) {
                    // the thread ended while listed
                }
            }
        }
        return names;
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
        // the launcher keeps the JVM's console messages off the screen: JAVA_OPTS brings them back
        Result r = run(Map.of("JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS", "-XX:+UseG1GC -XX:+DisplayVMOutput -XX:+PrintFlagsFinal"),
                LAUNCHER.toString(), "--version");
        assertEquals(0, r.exit(), "a collector in JAVA_OPTS replaces the launcher's (the JVM refuses two): " + r.out());
        assertTrue(r.out().matches("(?s).*\\bUseG1GC\\s+= true.*"), "JAVA_OPTS' collector: " + r.out().lines().filter(l -> l.contains("GC ")).toList());
        assertTrue(r.out().matches("(?s).*\\bUsePerfData\\s+= false.*"), "the launcher's other flags stay");
        // malloc's freed arenas (the compilers') given back every 5 s, where the JVM has the flag (17.0.9+, 21.0.1+)
        if (org.threadlab.bench.UserCommandAccess.trimsNativeHeap(Runtime.version())) {
            assertTrue(r.out().matches("(?s).*\\bTrimNativeHeapInterval\\s+= 5000\\b.*"), "the native heap trimmed: "
                    + r.out().lines().filter(l -> l.contains("TrimNative")).toList());
        }
        // a young generation of 64 MiB, not a third of the heap: all of it is resident once garbage has
        // cycled through it, 12 KiB a worker at 10,000 with the default (docs/PERFORMANCE.md, "Many workers")
        assertTrue(r.out().matches("(?s).*\\bMaxNewSize\\s+= 67108864\\b.*"), "the young generation's size: "
                + r.out().lines().filter(l -> l.contains("NewSize ")).toList());
        assertTrue(r.out().matches("(?s).*\\bCompilerDirectivesFile\\s+= \\S*threadlab-jit\\.json.*"), "the launcher's JIT directives: "
                + r.out().lines().filter(l -> l.contains("Directives")).toList());
    }

    /**
     * A java older than 17.0.9 refuses to start with -XX:TrimNativeHeapInterval: the launcher reads the
     * java's release file and leaves the flag out there (a JAVA_HOME whose release says 17.0.8, its java
     * a script that runs this one: the flag is then absent, every other flag still there).
     */
    @Test
    void aJavaTooOldForTheNativeHeapTrimStartsWithoutIt(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("bin"));
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        java.toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"17.0.8\"\n");
        Result r = run(Map.of("JAVA_HOME", home.toString(), "JAVA_OPTS", "-XX:+DisplayVMOutput -XX:+PrintFlagsFinal"),
                LAUNCHER.toString(), "--version");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().matches("(?s).*\\bTrimNativeHeapInterval\\s+= 0\\b.*"), "left out for 17.0.8: "
                + r.out().lines().filter(l -> l.contains("TrimNative")).toList());
        assertTrue(r.out().matches("(?s).*\\bUseSerialGC\\s+= true.*"), "the other flags stay");
        assertTrue(r.out().contains("threadlab "), r.out());
    }

    @Test
    void nothingButThreadlabsOwnOutputReachesTheTerminal() throws Exception {
        Result r = run(javaHome(), LAUNCHER.toString(), "--version");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().startsWith("threadlab "), "no JVM message (\"compiler directives added\") before threadlab's: " + r.out());
    }

    /**
     * The JIT directives at work: a CPU workload in a thread is compiled by C2 (level 4), as it would
     * be in a process worker's JVM; threadlab's own code (sampler, model, text, commands) only by C1
     * (level 1: no profiling, no C2 compile later).
     */
    @Test
    void threadlabsOwnCodeIsCompiledByC1AndTheWorkloadsByC2() throws Exception {
        Result r = run(Map.of("JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS", "-XX:+DisplayVMOutput -XX:+PrintCompilation"),
                LAUNCHER.toString(), "run", "cpu", "-n", "2", "--as", "thread", "--units", "2");
        assertEquals(0, r.exit(), r.out().lines().filter(l -> !l.matches("^\\s*\\d+\\s+\\d+ .*")).toList().toString());
        // PrintCompilation: "time id flags level method (size)"; the level is the first lone digit after the id
        java.util.regex.Pattern line = java.util.regex.Pattern.compile("^\\s*\\d+\\s+\\d+\\s+[%sbn! ]*\\s([0-4])\\s+(\\S+)");
        List<String[]> compiled = r.out().lines().map(line::matcher).filter(java.util.regex.Matcher::find)
                .map(m -> new String[] {m.group(1), m.group(2)}).toList();
        List<String> ownByC2 = compiled.stream().filter(c -> c[0].equals("4") && c[1].startsWith("org.threadlab.")
                && !c[1].matches("org\\.threadlab\\.(work|worker|shared)\\..*")).map(c -> c[1]).toList();
        assertEquals(List.of(), ownByC2, "threadlab's own code is not compiled by C2");
        assertTrue(compiled.stream().anyMatch(c -> c[0].equals("4") && c[1].startsWith("org.threadlab.work.CpuBurn")),
                "the CPU workload is compiled by C2: " + compiled.stream().filter(c -> c[1].startsWith("org.threadlab.work")).map(c -> c[0] + " " + c[1]).toList());
        assertTrue(compiled.stream().anyMatch(c -> c[0].equals("1") && c[1].startsWith("org.threadlab.")
                        && !c[1].matches("org\\.threadlab\\.(work|worker|shared)\\..*")),
                "threadlab's own code is compiled by C1 (level 1)");
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
            // the main thread (the screen's) has its Java name in the kernel, not the process's "java":
            // its name joins it to its Java thread, so the sampler reads it on its Java clock
            List<String> names = kernelNames(pid);
            assertTrue(names.contains("main"), "a thread named main: " + names);
            assertEquals(1, names.stream().filter("java"::equals).count(), "only the process's first thread is java: " + names);
            t.type("q");
            s = t.await("the exit", x -> x.contains("EXITED 0"), 15_000);
            assertTrue(s.contains("EXITED 0"), s);
        }
    }
}
