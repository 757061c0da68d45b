package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * threadlab where it is used: over SSH. A real sshd (Sshd: key-only, 127.0.0.1, a free port) runs
 * the launcher through {@code ssh -t} in a tmux pane; workers are started by keys and read off the
 * screen with their PIDs and TIDs; then the ssh client is killed (SIGKILL: the connection drops, as
 * when a laptop's lid closes) and threadlab and every process under it must be gone within 2 s.
 */
class SshTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsSshTmuxAndLinux() {
        Assumptions.assumeTrue(Jar.isLinux() && Tmux.available(), "needs tmux and /proc");
        String missing = Sshd.missing();
        Assumptions.assumeTrue(missing == null, () -> "no SSH here: " + missing);
    }

    /** The launcher as a user would have it on the far side: JAVA_HOME names the test's java; a marker finds its JVM. */
    private static String remote(String marker, String args) {
        return "JAVA_HOME=" + System.getProperty("java.home") + " JAVA_OPTS=-Dthreadlab.e2e=" + marker + " " + LauncherTest.LAUNCHER + " " + args;
    }

    @Test
    void droppingTheConnectionEndsThreadlabAndEveryWorker() throws Exception {
        String marker = "ssh-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        try (Sshd sshd = Sshd.start(dir)) {
            String cmd = Sshd.shellWords(sshd.client(remote(marker, "--interval 500ms"))) + "; echo SSH-EXITED $?; sleep 60";
            try (Tmux t = Tmux.start(120, 40, cmd)) {
                String s = t.await("the screen over ssh", x -> x.contains("?:help") && x.contains("no threads yet"), 60_000);
                long threadlab = threadlabJvm(marker);
                assertTrue(underSshd(threadlab), "threadlab runs in an sshd session, not beside the test: " + ancestry(threadlab));
                assertTrue(s.contains("threadlab pid " + threadlab), s);

                // workload: sleep 60s (w, Up from cpu to sleep, edit "duration=2s"), then a thread and a process
                t.keys("w");
                t.await("the workload dialog", x -> x.contains("Workload for the next starts"), 10_000);
                t.keys("Up");
                t.await("sleep's parameters", x -> x.contains("duration=2s"), 10_000);
                t.keys("BSpace", "BSpace");
                t.type("60s");
                t.keys("Enter");
                t.await("the workload chosen", x -> x.contains("workload: sleep duration=60s"), 10_000);
                t.type("t");
                t.await("the thread's row", x -> row("sleep-1").matcher(x).find(), 20_000);
                t.type("p");
                s = t.await("the process's row", x -> row("sleep-2").matcher(x).find(), 60_000);

                // the rows' PIDs and TIDs are the kernel's: the thread is a task of threadlab, the process its child
                Matcher thread = row("sleep-1").matcher(s);
                assertTrue(thread.find(), s);
                assertEquals(threadlab, Long.parseLong(thread.group(1)), "the thread runs in threadlab's JVM:\n" + s);
                assertTrue(Files.isDirectory(Path.of("/proc", thread.group(1), "task", thread.group(2))),
                        "TID " + thread.group(2) + " is a task of " + threadlab);
                Matcher process = row("sleep-2").matcher(s);
                assertTrue(process.find(), s);
                long child = Long.parseLong(process.group(1));
                assertEquals(threadlab, ProcessHandle.of(child).orElseThrow().parent().orElseThrow().pid(), "the process is threadlab's child");
                assertTrue(Files.isDirectory(Path.of("/proc", process.group(1), "task", process.group(2))),
                        "TID " + process.group(2) + " is a task of " + child);

                // everything that must go with the connection: threadlab and every process under it
                List<Long> doomed = new ArrayList<>(List.of(threadlab));
                ProcessHandle.of(threadlab).orElseThrow().descendants().forEach(p -> doomed.add(p.pid()));
                assertTrue(doomed.contains(child), doomed.toString());

                ProcessHandle client = sshClient(t);
                assertTrue(client.destroyForcibly(), "SIGKILL sent to the ssh client");
                long gone = Jar.millisUntilGone(doomed, 2_000);
                List<Long> left = doomed.stream().filter(Jar::alive).toList();
                assertTrue(gone >= 0, "2 s after the connection dropped, still alive: " + describe(left) + "\nsshd's log:\n" + sshd.log());
                System.out.println("SshTest: threadlab (pid " + threadlab + ") and its " + (doomed.size() - 1)
                        + " descendant(s) were gone " + gone + " ms after the ssh client was killed");
                // the client itself died of the SIGKILL (bash says 128+9), so the drop is what ended threadlab
                t.await("the client's end", x -> x.contains("SSH-EXITED 137"), 10_000);
            }
        }
    }

    @Test
    void withoutATerminalTheScreenSaysToUseSshDashT() throws Exception {
        try (Sshd sshd = Sshd.start(dir)) {
            Process p = new ProcessBuilder(sshd.clientWithoutTerminal(remote("ssh-no-t", ""))).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ssh ended");
            assertEquals(2, p.exitValue(), "bad usage, through ssh: " + out);
            assertEquals(1, out.strip().lines().count(), "one line: " + out);
            assertTrue(out.contains("needs an interactive terminal") && out.contains("ssh -t"), out);
        }
    }

    /** A worker's row: its name, then its PID and TID (group 1 and 2). */
    private static Pattern row(String name) {
        return Pattern.compile(Pattern.quote(name) + "\\s+(\\d+)\\s+(\\d+)\\s");
    }

    /** The JVM that runs threadlab.jar with this test's marker, waited for up to 30 s. */
    private static long threadlabJvm(String marker) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            List<Long> found = ProcessHandle.allProcesses().map(ProcessHandle::pid).filter(pid -> {
                String c = Jar.cmdline(pid);
                return c.contains("-Dthreadlab.e2e=" + marker + " ") && c.contains("threadlab.jar");
            }).toList();
            if (found.size() == 1) {
                return found.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no JVM with -Dthreadlab.e2e=" + marker + " runs threadlab.jar");
    }

    private static boolean underSshd(long pid) {
        return ancestry(pid).stream().anyMatch(c -> c.startsWith("sshd"));
    }

    /** The command lines of a process's ancestors, nearest first. */
    private static List<String> ancestry(long pid) {
        List<String> out = new ArrayList<>();
        ProcessHandle p = ProcessHandle.of(pid).flatMap(ProcessHandle::parent).orElse(null);
        while (p != null && p.pid() > 1) {
            out.add(Jar.cmdline(p.pid()).trim());
            p = p.parent().orElse(null);
        }
        return out;
    }

    /** The ssh client running in the pane (the pane's bash or its child). */
    private static ProcessHandle sshClient(Tmux t) throws Exception {
        ProcessHandle pane = ProcessHandle.of(t.panePid()).orElseThrow();
        return Stream.concat(Stream.of(pane), pane.descendants()).filter(p -> Jar.cmdline(p.pid()).startsWith("ssh "))
                .findFirst().orElseThrow(() -> new AssertionError("no ssh client under the pane " + pane.pid()));
    }

    private static String describe(List<Long> pids) {
        List<String> out = new ArrayList<>();
        for (long pid : pids) {
            out.add(pid + " " + Jar.cmdline(pid).trim());
        }
        return out.toString();
    }
}
