package org.threadlab.worker.child;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * What a child JVM starts with, beyond threadlab's fixed flags: its class path and its class-data
 * archive. Run from threadlab's jar ({@code java -jar threadlab.jar}, the jar alone on the class
 * path), a child gets a thin jar of threadlab's own lower packages (the 9.6 MB jar's thousands of
 * Lanterna, OSHI, picocli and Jackson entries cost it ~20 ms to open, and it loads none of them) and
 * an archive of the classes a child loads, made for exactly this java: a dynamic CDS archive
 * ({@code -XX:SharedArchiveFile}) up to Java 24, an AOT cache ({@code -XX:AOTCache}) from Java 25.
 *
 * <p>Both live in a cache folder keyed by the jar (path, size, time) and the java (home, VM version):
 * {@code $XDG_CACHE_HOME/threadlab/child/KEY} or {@code ~/.cache/threadlab/child/KEY}
 * ({@code -Dthreadlab.child.cache=DIR} elsewhere, {@code =off} for none). They are made on first use,
 * in the background (children started meanwhile get the full class path), by a training child, and an
 * archive is kept only once a child has started with it in the JVM's strict mode: a child is never
 * handed an archive its java rejects. Should one still not fit (a file changed under it), the child
 * starts without it and says nothing: its archive messages are switched off, since the JVM writes
 * them on stdout, which is the protocol's pipe.
 *
 * <p>From a class path of several entries (tests, an IDE, an extra workload's jar beside threadlab's)
 * children get that class path unchanged and no archive.
 */
public final class ChildJvm {
    /** A folder for the cache, or "off". */
    public static final String CACHE_PROPERTY = "threadlab.child.cache";
    /** Bumped when what goes into the cache changes: old entries are then never read. */
    private static final String FORMAT = "1";
    static final String THIN_JAR = "threadlab-child.jar";
    /** What a child may load: threadlab's packages below {@code lab}, its demos and its workload list. */
    private static final String[] KEEP = {"org/threadlab/text/", "org/threadlab/shared/", "org/threadlab/work/",
            "org/threadlab/worker/", "demos/", "META-INF/services/org.threadlab.work.WorkloadType", "threadlab-version.properties"};

    /** The class path and the flags a child is started with (the flags go before {@code -cp}). */
    public record Setup(String classPath, List<String> flags, String describe) {
        /** True when the child starts with a class-data archive. */
        public boolean archived() {
            return !flags.isEmpty();
        }
    }

    private static final Object LOCK = new Object();
    private static ChildJvm forThisJvm;

    private final String fullClassPath;
    /** The folder of this jar and java in the cache, or null: children get the full class path. */
    private final Path dir;
    private final Path sourceJar;
    private final File java;
    private final int feature;
    private volatile boolean started;
    private volatile Thread preparing;
    private volatile String failure;
    private volatile Process trainer;
    static final String TRAINING_LOCK = "training.lock";
    private static final long STALE_MILLIS = 180_000;

    ChildJvm(String fullClassPath, Path sourceJar, Path cacheRoot, File java, int feature, String vmVersion) {
        this.fullClassPath = fullClassPath;
        this.sourceJar = sourceJar;
        this.java = java;
        this.feature = feature;
        this.dir = sourceJar == null || cacheRoot == null ? null : cacheRoot.resolve(key(sourceJar, java, vmVersion));
    }

    /** The set-up for children of this JVM: its class path, its java, its cache folder. */
    public static ChildJvm forThisJvm() {
        synchronized (LOCK) {
            if (forThisJvm == null) {
                String cp = System.getProperty("java.class.path", "");
                File java = ChildCommand.javaExecutable();
                boolean ownJava = System.getProperty(ChildCommand.JAVA_PROPERTY) == null;
                // an archive fits one java only: one named by -Dthreadlab.java is not this JVM, whose version we know
                Path jar = ownJava ? singleJar(cp) : null;
                forThisJvm = new ChildJvm(cp, jar, cacheRoot(), java, Runtime.version().feature(),
                        System.getProperty("java.vm.version", ""));
            }
            return forThisJvm;
        }
    }

    /** What the next child starts with: the thin jar and archive once they are ready, the full class path until then. */
    public Setup setup() {
        if (dir == null) {
            return new Setup(fullClassPath, List.of(), "the full class path (threadlab is not running from its jar alone)");
        }
        startPreparing();
        Path thin = dir.resolve(THIN_JAR);
        Path archive = dir.resolve(archiveName());
        // checked every time: another threadlab may have pruned this entry (a newer build of the same jar)
        if (!Files.isRegularFile(thin)) {
            return new Setup(fullClassPath, List.of(), failure != null ? "the full class path (" + failure + ")"
                    : "the full class path (its thin jar is being made)");
        }
        if (!Files.isRegularFile(archive)) {
            return new Setup(thin.toString(), List.of(), failure != null ? "a thin jar, no archive (" + failure + ")"
                    : "a thin jar, its archive is being made");
        }
        return new Setup(thin.toString(), archiveFlags(archive), "a thin jar and " + archiveKind());
    }

    /**
     * Makes the thin jar and the archive now, if they are not there yet (or waits for the background
     * preparation), for at most {@code timeoutMillis}: for the bench and tests, which measure a warm start.
     *
     * @return true when children now start with both
     */
    public boolean prepare(long timeoutMillis) throws InterruptedException {
        if (dir == null) {
            return false;
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        startPreparing();
        Thread t = preparing;
        if (t != null) {
            t.join(timeoutMillis);
        }
        Process p = trainer;
        if (p != null) {
            p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        // another threadlab's trainer holds the lock: its archive is as good as ours
        while (!setup().archived() && Files.exists(dir.resolve(TRAINING_LOCK)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return setup().archived();
    }

    private void startPreparing() {
        if (started) {
            return;
        }
        synchronized (this) {
            if (started) {
                return;
            }
            started = true;
            if (Files.isRegularFile(dir.resolve(THIN_JAR)) && Files.isRegularFile(dir.resolve(archiveName()))) {
                return;
            }
            // the first spawn must not wait a second for training: it (and those meanwhile) start the slower way
            Thread t = new Thread(this::prepareNow, "threadlab-child-archive");
            t.setDaemon(true);
            preparing = t;
            t.start();
        }
    }

    private void prepareNow() {
        try {
            Files.createDirectories(dir);
            pruneOlderBuilds();
            Path thin = dir.resolve(THIN_JAR);
            if (!Files.isRegularFile(thin)) {
                writeThinJar(sourceJar, thin);
            }
            if (!Files.isRegularFile(dir.resolve(archiveName())) && claimTraining()) {
                startTrainer(thin);
            }
        } catch (IOException e) {
            failure = "cannot make it in " + dir + ": " + e.getMessage();
        } catch (RuntimeException e) {
            failure = "cannot make it: " + e;
        }
    }

    /**
     * Training takes a second or more: a {@code threadlab run} may be over long before. So a process
     * of its own does it ({@link #main}), which outlives this one; one at a time per entry (a lock
     * file, given up after three minutes: its trainer died).
     */
    private boolean claimTraining() throws IOException {
        Path lock = dir.resolve(TRAINING_LOCK);
        try {
            Files.createFile(lock);
            return true;
        } catch (FileAlreadyExistsException e) {
            long age = System.currentTimeMillis() - Files.getLastModifiedTime(lock).toMillis();
            if (age < STALE_MILLIS) {
                return false;
            }
            Files.setLastModifiedTime(lock, FileTime.fromMillis(System.currentTimeMillis()));
            return true;
        }
    }

    private void startTrainer(Path thin) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.getPath());
        cmd.addAll(ChildCommand.FIXED_FLAGS);
        cmd.add("-cp");
        cmd.add(thin.toString());
        cmd.add(ArchiveTrainer.class.getName());
        cmd.add(dir.toString());
        cmd.add(Integer.toString(feature));
        Path log = dir.resolve("training.log");
        Files.deleteIfExists(log);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        // it reads nothing: closing its stdin at once means it never waits on us
        p.getOutputStream().close();
        trainer = p;
    }

    /**
     * {@code ChildJvm --prepare} (the build, {@code java -cp target/threadlab.jar}): makes this jar's
     * thin jar and archive for this java now, so the first process worker after a build starts fast.
     * Never fails the build: without them, children start the slower way and they are made on first use.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !args[0].equals("--prepare")) {
            System.err.println("usage: ChildJvm --prepare");
            System.exit(2);
        }
        ChildJvm jvm = forThisJvm();
        boolean ready = jvm.prepare(180_000);
        System.out.println("threadlab: process workers start from " + jvm.setup().describe() + (ready ? " (" + jvm.dir + ")" : ""));
    }

    /** Copies what a child may load out of threadlab's jar; written aside, then moved, so no child reads half a jar. */
    static void writeThinJar(Path source, Path target) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), THIN_JAR, ".tmp");
        try (JarFile in = new JarFile(source.toFile(), false);
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp))) {
            byte[] buf = new byte[16384];
            for (Enumeration<JarEntry> en = in.entries(); en.hasMoreElements(); ) {
                JarEntry e = en.nextElement();
                if (e.isDirectory() || !kept(e.getName())) {
                    continue;
                }
                JarEntry copy = new JarEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                try (InputStream is = in.getInputStream(e)) {
                    int n;
                    while ((n = is.read(buf)) > 0) {
                        out.write(buf, 0, n);
                    }
                }
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        move(tmp, target);
    }

    private static boolean kept(String name) {
        for (String k : KEEP) {
            if (name.startsWith(k)) {
                return true;
            }
        }
        return false;
    }

    private List<String> archiveFlags(Path archive) {
        return archiveFlags(feature, archive);
    }

    /** The flags that start a child with {@code archive} on a java of this feature version. */
    static List<String> archiveFlags(int feature, Path archive) {
        // the JVM says on stdout (the protocol's pipe) when an archive does not fit; the child starts anyway
        if (feature >= 25) {
            return List.of("-XX:AOTCache=" + archive, "-Xlog:cds*=off,aot*=off");
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off");
    }

    private String archiveName() {
        return archiveName(feature);
    }

    /** A dynamic CDS archive up to Java 24, an AOT cache from Java 25. */
    static String archiveName(int feature) {
        return feature >= 25 ? "child.aot" : "child.jsa";
    }

    private String archiveKind() {
        return feature >= 25 ? "an AOT cache (Java " + feature + ")" : "a CDS archive (Java " + feature + ")";
    }

    /** The cache holds one entry per jar path and java: older builds of this jar for this java are removed. */
    private void pruneOlderBuilds() throws IOException {
        String mine = owner(sourceJar, java);
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(dir.getParent())) {
            for (Path s : siblings) {
                Path owner = s.resolve("owner");
                if (s.equals(dir) || !Files.isRegularFile(owner)) {
                    continue;
                }
                if (mine.equals(Files.readString(owner, StandardCharsets.UTF_8))) {
                    deleteTree(s);
                }
            }
        }
        Files.writeString(dir.resolve("owner"), mine, StandardCharsets.UTF_8);
        // what a trainer or writer killed halfway left behind
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.tmp")) {
            for (Path f : files) {
                if (System.currentTimeMillis() - Files.getLastModifiedTime(f).toMillis() > STALE_MILLIS) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static void deleteTree(Path d) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(d)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(d);
        } catch (IOException e) {
            // another threadlab is making or using it: left for a later prune
        }
    }

    private static String owner(Path jar, File java) {
        return jar.toAbsolutePath() + "\n" + java.getAbsolutePath() + "\n";
    }

    /** The cache entry's name: a hash of the jar's path, size and time and the java's path and version. */
    static String key(Path jar, File java, String vmVersion) {
        String text;
        try {
            text = FORMAT + "\n" + owner(jar, java) + Files.size(jar) + "\n" + Files.getLastModifiedTime(jar).toMillis() + "\n" + vmVersion;
        } catch (IOException e) {
            text = FORMAT + "\n" + owner(jar, java) + vmVersion;
        }
        // FNV-1a, 64 bits: MessageDigest would initialise the security providers (tens of ms) on the first spawn
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return "0000000000000000".substring(hex.length()) + hex;
    }

    /** The jar, when the class path is one jar that holds this class (java -jar threadlab.jar); else null. */
    static Path singleJar(String classPath) {
        if (classPath.isEmpty() || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return null;
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        try {
            Path mine = Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(jar) && Files.isSameFile(jar, mine) ? jar : null;
        } catch (IOException | RuntimeException | URISyntaxException e) {
            return null;
        }
    }

    /** -Dthreadlab.child.cache, else $XDG_CACHE_HOME/threadlab/child, else ~/.cache/threadlab/child; null for off. */
    static Path cacheRoot() {
        String forced = System.getProperty(CACHE_PROPERTY);
        if (forced != null) {
            return forced.equals("off") || forced.isBlank() ? null : Path.of(forced).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "threadlab", "child");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "threadlab", "child");
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
