package org.threadlab.worker.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.threadlab.NoChildrenLeft;

/**
 * A child started the way ChildJvm sets it up from threadlab's jar: a thin jar and an archive made
 * for the java running these tests (17 in the build; 25 in .ci/run's "jdk21" run), and a child that
 * still starts, silently, when its archive is missing or does not fit.
 */
@ExtendWith(NoChildrenLeft.class)
@Tag("jdk21") // runs on 17 and, in .ci/run, on Java 21+: the AOT cache is Java 25's
class ChildJvmTest {
    private static final File JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toFile();

    @TempDir
    Path tmp;

    /** threadlab's jar, as far as a child is concerned: every class and resource of target/classes. */
    private Path threadlabJar() throws IOException {
        return threadlabJar("threadlab.jar", false);
    }

    private Path threadlabJar(String name, boolean oneMoreClass) throws IOException {
        Path classes = Path.of(ChildMain.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path jar = tmp.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
            // a library's class: the thin jar must leave it out
            out.putNextEntry(new JarEntry("com/googlecode/lanterna/Fake.class"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
            if (oneMoreClass) {
                out.putNextEntry(new JarEntry("org/threadlab/work/OneMore.class"));
                out.write(new byte[] {4, 5, 6});
                out.closeEntry();
            }
        }
        return jar;
    }

    private ChildJvm jvm(Path jar) {
        return new ChildJvm(jar.toString(), jar, tmp.resolve("cache"), JAVA, Runtime.version().feature(),
                System.getProperty("java.vm.version"));
    }

    /** A sleep child with this set-up, {@code -verbose:class} on; its stdout lines and stderr. */
    private static String[] runChild(ChildJvm.Setup setup) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(JAVA.getPath());
        cmd.addAll(ChildCommand.FIXED_FLAGS);
        cmd.addAll(setup.flags());
        cmd.add("-verbose:class");
        cmd.addAll(List.of("-cp", setup.classPath(), ChildMain.class.getName(),
                ChildCommand.TYPE_PREFIX + "org.threadlab.work.SleepWork$Type", "s-1", "sleep", "duration=1ms"));
        Process p = new ProcessBuilder(cmd).start();
        try (InputStream err = p.getErrorStream()) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errText = new String(err.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(Protocol.EXIT_OK, p.exitValue(), out + errText);
            return new String[] {out, errText};
        } finally {
            p.destroyForcibly();
        }
    }

    /** The protocol's lines (the class-loading log, which -verbose:class adds, left out): hello first, the result last. */
    private static void saysHelloAndNothingElse(String[] ran) {
        List<String> protocol = ran[0].lines().filter(l -> !l.contains("[class,load]") && !l.contains("[info][class")).toList();
        assertTrue(protocol.get(0).startsWith("hello v=1 "), ran[0]);
        assertEquals("result slept 1ms", protocol.get(protocol.size() - 1), ran[0]);
        assertTrue(protocol.stream().noneMatch(l -> l.startsWith("[")), "a JVM message on the protocol's pipe: " + protocol);
        assertEquals("", ran[1], "nothing on stderr");
    }

    private static boolean childMainFromArchive(String[] ran) {
        return ran[0].lines().anyMatch(l -> l.contains(" " + ChildMain.class.getName() + " source: shared objects file"));
    }

    @Test
    void fromTheJarAChildGetsAThinJarAndAnArchiveForThisJavaAndLoadsItsClassesFromIt() throws Exception {
        Path jar = threadlabJar();
        ChildJvm jvm = jvm(jar);
        ChildJvm.Setup before = jvm.setup(); // starts the preparation; the first child does not wait for it
        assertFalse(before.archived(), before.toString());
        assertTrue(jvm.prepare(180_000), "no archive: " + jvm.setup().describe());
        ChildJvm.Setup s = jvm.setup();
        assertTrue(s.classPath().endsWith(ChildJvm.THIN_JAR), s.classPath());
        assertTrue(s.describe().contains(Runtime.version().feature() >= 25 ? "AOT cache" : "CDS archive"), s.describe());
        try (JarFile thin = new JarFile(s.classPath())) {
            assertTrue(thin.getEntry("org/threadlab/worker/child/ChildMain.class") != null);
            assertTrue(thin.getEntry("demos/busy_threads.py") != null, "exec's demos travel with the child");
            assertTrue(thin.getEntry("META-INF/services/org.threadlab.work.WorkloadType") != null);
            assertNull(thin.getEntry("com/googlecode/lanterna/Fake.class"), "a library in the child's jar");
            assertNull(thin.getEntry("org/threadlab/ui/ThreadLabUi.class"));
        }
        String[] ran = runChild(s);
        saysHelloAndNothingElse(ran);
        assertTrue(childMainFromArchive(ran), "ChildMain did not come from the archive:\n" + ran[0]);
        // a second set-up for the same jar and java finds the entry made: nothing to make again
        assertTrue(jvm(jar).setup().archived());
    }

    @Test
    void anArchiveThatDoesNotFitIsIgnoredInSilence() throws Exception {
        Path jar = threadlabJar();
        ChildJvm jvm = jvm(jar);
        assertTrue(jvm.prepare(180_000), jvm.setup().describe());
        ChildJvm.Setup s = jvm.setup();
        // the thin jar changed under its archive: the JVM's class-path check fails (it says so on stdout, unless told not to)
        ChildJvm.writeThinJar(threadlabJar("newer.jar", true), Path.of(s.classPath()));
        String[] ran = runChild(s);
        saysHelloAndNothingElse(ran);
        if (Runtime.version().feature() < 25) {
            // Java 25's AOT cache does not check the jar's size or time (seen with -Xlog:class+path): its
            // archive and thin jar are only ever made together, in a folder of their own, and never rewritten
            assertFalse(childMainFromArchive(ran), "the archive was used after all");
        }
        // not an archive at all
        Path archive = Path.of(s.flags().get(0).substring(s.flags().get(0).indexOf('=') + 1));
        Files.write(archive, "not an archive".getBytes(StandardCharsets.UTF_8));
        saysHelloAndNothingElse(runChild(s));
        // gone (another threadlab pruned it): the next child is not even offered it
        Files.delete(archive);
        ChildJvm.Setup after = jvm.setup();
        assertFalse(after.archived(), after.toString());
        saysHelloAndNothingElse(runChild(after));
    }

    @Test
    void whileAnotherThreadlabTrainsPrepareWaitsForItsArchive() throws Exception {
        Path jar = threadlabJar();
        Path dir = tmp.resolve("cache").resolve(ChildJvm.key(jar, JAVA, System.getProperty("java.vm.version")));
        Files.createDirectories(dir);
        Files.createFile(dir.resolve(ChildJvm.TRAINING_LOCK)); // the other one's
        ChildJvm jvm = jvm(jar);
        java.util.concurrent.CompletableFuture<Boolean> prepared = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return jvm.prepare(180_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.isRegularFile(dir.resolve(ChildJvm.THIN_JAR)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(Files.isRegularFile(dir.resolve(ChildJvm.THIN_JAR)), "no thin jar");
        assertFalse(prepared.isDone(), "prepare gave up while the other trainer had the lock");
        // the other threadlab's trainer: the same command ChildJvm starts
        Process other = new ProcessBuilder(JAVA.getPath(), "-cp", dir.resolve(ChildJvm.THIN_JAR).toString(), ArchiveTrainer.class.getName(),
                dir.toString(), Integer.toString(Runtime.version().feature())).redirectErrorStream(true).start();
        String said = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(other.waitFor(180, TimeUnit.SECONDS), said);
        assertEquals(0, other.exitValue(), said);
        assertTrue(prepared.get(60, TimeUnit.SECONDS), jvm.setup().describe());
    }

    @Test
    void onlyThreadlabsJarAloneOnTheClassPathGetsAThinJar() throws Exception {
        // the tests' own class path: several entries (an extra workload's jar may be among them), kept as it is
        assertNull(ChildJvm.singleJar(System.getProperty("java.class.path")));
        assertNull(ChildJvm.singleJar(threadlabJar() + File.pathSeparator + "extra.jar"));
        ChildJvm plain = new ChildJvm("a.jar" + File.pathSeparator + "b", null, tmp, JAVA, 17, "x");
        assertEquals(new ChildJvm.Setup("a.jar" + File.pathSeparator + "b", List.of(),
                "the full class path (threadlab is not running from its jar alone)"), plain.setup());
        // off: no cache
        String was = System.getProperty(ChildJvm.CACHE_PROPERTY);
        System.setProperty(ChildJvm.CACHE_PROPERTY, "off");
        try {
            assertNull(ChildJvm.cacheRoot());
        } finally {
            if (was == null) {
                System.clearProperty(ChildJvm.CACHE_PROPERTY);
            } else {
                System.setProperty(ChildJvm.CACHE_PROPERTY, was);
            }
        }
    }
}
