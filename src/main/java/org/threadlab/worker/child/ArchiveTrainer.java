package org.threadlab.worker.child;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.threadlab.work.SleepWork;

/**
 * Makes a child's class-data archive, in a process of its own ({@code ArchiveTrainer DIR FEATURE},
 * started by {@link ChildJvm} from the thin jar in DIR, its output in DIR/training.log): training
 * takes a second or more and must outlive a short {@code threadlab run}. It releases DIR's training
 * lock when done, archive or not.
 */
public final class ArchiveTrainer {
    private ArchiveTrainer() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int feature = Integer.parseInt(args[1]);
        File java = new File(new File(System.getProperty("java.home"), "bin"), "java");
        Path archive = dir.resolve(ChildJvm.archiveName(feature));
        int code = 0;
        try {
            train(java, feature, dir, dir.resolve(ChildJvm.THIN_JAR), archive);
            System.out.println("archive ready: " + archive);
        } catch (IOException e) {
            System.out.println("no archive: " + e.getMessage());
            code = 1;
        } finally {
            Files.deleteIfExists(dir.resolve(ChildJvm.TRAINING_LOCK));
        }
        // after the lock is gone: System.exit in the try would skip the finally
        System.exit(code);
    }

    /**
     * Runs a child that dumps the classes it loaded when it ends, then starts one with the result in
     * the JVM's strict mode (it fails rather than run without): only an archive that passed is kept.
     */
    static void train(File java, int feature, Path dir, Path thin, Path archive) throws IOException, InterruptedException {
        Path tmp = dir.resolve(ChildJvm.archiveName(feature) + "." + ProcessHandle.current().pid() + ".tmp");
        Path log = dir.resolve("training-child.log");
        List<String> cmd = childCommand(java, thin, List.of(feature >= 25 ? "-XX:AOTCacheOutput=" + tmp : "-XX:ArchiveClassesAtExit=" + tmp));
        if (!runsToTheEnd(cmd, log)) {
            Files.deleteIfExists(tmp);
            throw new IOException("the training child failed (see " + log + ")");
        }
        if (!Files.isRegularFile(tmp)) {
            throw new IOException("the training child made no archive (see " + log + ")");
        }
        List<String> strict = new ArrayList<>(List.of(feature >= 25 ? "-XX:AOTMode=on" : "-Xshare:on"));
        strict.addAll(ChildJvm.archiveFlags(feature, tmp));
        if (!runsToTheEnd(childCommand(java, thin, strict), log)) {
            Files.deleteIfExists(tmp);
            throw new IOException("this java refuses the archive it made (see " + log + ")");
        }
        ChildJvm.move(tmp, archive);
    }

    /** A short sleep child, its output into the log, its stdin open until it ends by itself with exit 0. */
    private static boolean runsToTheEnd(List<String> cmd, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (OutputStream stdin = p.getOutputStream()) {
            // the AOT cache is assembled by a second JVM before the first ends: seconds on a busy machine
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == Protocol.EXIT_OK;
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private static List<String> childCommand(File java, Path thin, List<String> flags) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.getPath());
        cmd.addAll(ChildCommand.FIXED_FLAGS);
        cmd.addAll(flags);
        cmd.add("-cp");
        cmd.add(thin.toString());
        cmd.add(ChildMain.class.getName());
        cmd.add(ChildCommand.TYPE_PREFIX + SleepWork.Type.class.getName());
        cmd.add("archive-training");
        cmd.add("sleep");
        cmd.add("duration=1ms");
        return cmd;
    }
}
