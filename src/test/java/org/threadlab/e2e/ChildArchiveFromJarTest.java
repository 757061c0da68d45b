package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process workers from the packaged jar: the first run makes the child's thin jar and class-data
 * archive for its java (a trainer that outlives the run), the next run's children start with them;
 * nothing on stderr either time. On the tests' java (17 in the build) and on a JDK 21+ where one is
 * installed (Temurin 25 in CI: its AOT cache), found the way .ci/run finds one.
 */
class ChildArchiveFromJarTest {
    @TempDir
    Path cache;

    @Test
    void onTheTestsJava() throws Exception {
        fromTheJarTwice(Jar.java(), "-XX:SharedArchiveFile=");
    }

    @Test
    void onAJdk21OrNewer() throws Exception {
        Path home = newerJdk();
        Assumptions.assumeTrue(home != null, "no JDK 21+ found (set THREADLAB_JDK21)");
        String java = home.resolve("bin").resolve("java").toString();
        fromTheJarTwice(java, feature(home) >= 25 ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=");
    }

    private void fromTheJarTwice(String java, String archiveFlag) throws Exception {
        Assumptions.assumeTrue(Jar.isLinux(), "needs /proc");
        String[] first = run(java, "300ms");
        assertTrue(first[0].contains("sleep-1 finished"), first[0]);
        assertEquals("", first[1], "stderr of the first run");
        Path archive = awaitArchive();
        assertTrue(archive != null, "no archive in " + cache + " after 180 s: " + log());

        List<String> cmd = command(java, "3s");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
        try {
            List<Long> kids = Jar.awaitWorkers(p.pid(), 1);
            assertEquals(1, kids.size(), "no worker child");
            String child = Jar.cmdline(kids.get(0));
            assertTrue(child.contains(archiveFlag + archive), child);
            assertTrue(child.contains(" -cp " + archive.getParent().resolve("threadlab-child.jar") + " "), child);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
            assertEquals(0, p.exitValue(), out + err);
            assertTrue(out.contains("sleep-1 finished"), out);
            assertEquals("", err, "stderr of the second run");
        } finally {
            p.destroyForcibly();
        }
    }

    private List<String> command(String java, String duration) {
        List<String> cmd = new ArrayList<>(List.of(java, "-Dthreadlab.child.cache=" + cache, "-jar", Jar.JAR.toString(),
                "run", "sleep", "--duration", duration, "--as", "process"));
        return cmd;
    }

    private String[] run(String java, String duration) throws Exception {
        Path err = cache.resolveSibling(cache.getFileName() + ".err");
        Process p = new ProcessBuilder(command(java, duration)).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        String errText = Files.readString(err);
        Files.delete(err);
        return new String[] {out, errText};
    }

    /** The archive the trainer leaves in the cache, waited for up to 180 s (a busy machine, Java 25's two JVMs). */
    private Path awaitArchive() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.walk(cache)) {
                Path found = files.filter(f -> f.getFileName().toString().matches("child\\.(jsa|aot)")).findFirst().orElse(null);
                if (found != null && !Files.exists(found.resolveSibling("training.lock"))) {
                    return found;
                }
            }
            Thread.sleep(200);
        }
        return null;
    }

    private String log() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(cache)) {
            for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".log"))::iterator) {
                sb.append(f).append(":\n").append(Files.readString(f));
            }
        }
        return sb.toString();
    }

    /** THREADLAB_JDK21, else the first JDK 21+ under /usr/lib/jvm other than the tests' own, as .ci/run looks. */
    private static Path newerJdk() throws IOException {
        List<Path> homes = new ArrayList<>();
        String named = System.getenv("THREADLAB_JDK21");
        if (named != null && !named.isBlank()) {
            homes.add(Path.of(named));
        }
        File[] jvms = new File("/usr/lib/jvm").listFiles();
        if (jvms != null) {
            java.util.Arrays.sort(jvms);
            for (File f : jvms) {
                homes.add(f.toPath());
            }
        }
        Path own = Path.of(System.getProperty("java.home")).toRealPath();
        for (Path h : homes) {
            if (Files.isExecutable(h.resolve("bin").resolve("java")) && feature(h) >= 21 && !h.toRealPath().equals(own)) {
                return h;
            }
        }
        return null;
    }

    private static int feature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=\"")) {
                    String v = line.substring("JAVA_VERSION=\"".length());
                    int end = 0;
                    while (end < v.length() && Character.isDigit(v.charAt(end))) {
                        end++;
                    }
                    return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no release file: not a JDK we can use
        }
        return 0;
    }
}
