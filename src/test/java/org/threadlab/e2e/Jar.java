package org.threadlab.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jar as users do, and finds and watches the processes it starts. */
final class Jar {
    static final Path JAR = Path.of("target", "threadlab.jar").toAbsolutePath();

    private Jar() {}

    /** The java of the JVM running the tests: the jar runs on the same one. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.add("-jar");
        cmd.add(JAR.toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    static Process start(String... args) throws IOException {
        return new ProcessBuilder(command(args)).redirectErrorStream(true).start();
    }

    /** Child worker processes (carrying -Dthreadlab.worker=) whose parent is {@code pid}. */
    static List<Long> workerChildren(long pid) {
        List<Long> out = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(p -> p.children().forEach(c -> {
            if (cmdline(c.pid()).contains("-Dthreadlab.worker=")) {
                out.add(c.pid());
            }
        }));
        return out;
    }

    static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** Live processes whose command line is exactly {@code program marker}, whoever their parent is now. */
    static List<Long> withArgument(String program, String marker) {
        List<Long> out = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(p -> {
            if (cmdline(p.pid()).trim().equals(program + " " + marker) && alive(p.pid())) {
                out.add(p.pid());
            }
        });
        return out;
    }

    static boolean alive(long pid) {
        // a zombie is gone for our purposes: it runs nothing and holds no memory
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until {@code expected} worker children of {@code pid} run, at most 20 s. */
    static List<Long> awaitWorkers(long pid, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<Long> kids = workerChildren(pid);
        while (kids.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            kids = workerChildren(pid);
        }
        return kids;
    }

    /** Milliseconds until every pid is gone, or -1 if some are still alive after {@code maxMillis}. */
    static long millisUntilGone(List<Long> pids, long maxMillis) throws InterruptedException {
        long start = System.nanoTime();
        while ((System.nanoTime() - start) / 1_000_000 < maxMillis) {
            if (pids.stream().noneMatch(Jar::alive)) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(20);
        }
        return -1;
    }

    static void signal(long pid, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
        kill.waitFor(5, TimeUnit.SECONDS);
    }

    static boolean isLinux() {
        return new File("/proc/self/stat").exists();
    }
}
