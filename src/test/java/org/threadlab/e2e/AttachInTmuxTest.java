package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, end to end: {@code threadlab attach PID} on a process the test started (a python3 program
 * with two named threads, or {@code sleep 300} where there is no python3): its threads with TID and
 * state S on the screen, its exit said and its rows kept until c clears them; a bad PID is one line
 * and exit 2 with the terminal untouched.
 */
class AttachInTmuxTest {
    /** Two threads named through prctl (CPython does not give the kernel its threads' names), both sleeping. */
    private static final String PROGRAM = """
            import ctypes, threading, time
            libc = ctypes.CDLL(None)
            def named(name, wait):
                def run():
                    libc.prctl(15, name.encode(), 0, 0, 0)
                    wait()
                threading.Thread(target=run, daemon=True).start()
            named("tl-sleeper", lambda: time.sleep(300))
            named("tl-waiter", lambda: threading.Event().wait())
            time.sleep(300)
            """;

    /**
     * Between a row's TID and its state: the kind column ("att"), one of the first the thread table drops
     * when its other columns need the room. Its first frame here has none and the later ones have it (the
     * room its cells ask for changes once the first figures arrive); a test that polls late, on a loaded
     * machine, sees only the later layout.
     */
    private static final String KIND = " (?:\\s*att\\s+)?";

    @BeforeAll
    static void needsTmuxAndLinux() {
        Assumptions.assumeTrue(Jar.isLinux() && Tmux.available(), "needs tmux and /proc");
    }

    private static boolean python3() {
        try {
            return new ProcessBuilder("python3", "-c", "pass").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The names of the threads the test looks for, once they all run (TIDs read from /proc). */
    private static int tasks(long pid) {
        String[] t = new java.io.File("/proc/" + pid + "/task").list();
        return t == null ? 0 : t.length;
    }

    @Test
    void watchesAProcessSeesItExitAndClearsIt(@TempDir Path dir) throws Exception {
        boolean python = python3();
        Process target;
        String[] names;
        if (python) {
            Path script = dir.resolve("named_threads.py");
            Files.writeString(script, PROGRAM);
            target = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
            names = new String[] {"tl-sleeper", "tl-waiter"};
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (tasks(target.pid()) < 3) {
                assertTrue(System.nanoTime() < deadline && target.isAlive(), "python's threads did not start");
                Thread.sleep(20);
            }
        } else {
            target = new ProcessBuilder("sleep", "300").start();
            names = new String[] {"sleep"};
        }
        long pid = target.pid();
        String cmd = Jar.java() + " -jar " + Jar.JAR + " attach " + pid + " --interval 200ms; echo EXITED $?; sleep 60";
        try (Tmux t = Tmux.start(140, 40, cmd)) {
            String s = t.await("the attached threads", x -> {
                for (String n : names) {
                    if (!Pattern.compile(n + "\\s+" + pid + "\\s+\\d+" + KIND + "S ").matcher(x).find()) {
                        return false;
                    }
                }
                return x.contains("watching pid " + pid);
            }, 30_000);
            assertTrue(s.contains("Threads in pid ") && s.contains(", " + pid), s);
            for (String n : names) {
                Matcher m = Pattern.compile(n + "\\s+" + pid + "\\s+(\\d+)" + KIND + "S ").matcher(s);
                assertTrue(m.find(), s);
                long tid = Long.parseLong(m.group(1));
                assertTrue(Files.isDirectory(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid))),
                        n + ": TID " + tid + " is a thread of pid " + pid);
                String comm = Files.readString(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid), "comm")).trim();
                assertEquals(n, comm, "the kernel's name of TID " + tid);
            }
            // the process row, as a process worker's: no worker id, its PID, its name
            assertTrue(Pattern.compile("-\\s+(python3|sleep)\\s+" + pid + "\\s+" + pid + KIND + "S ").matcher(s).find(), s);

            // k on it: the signal menu (it asks before anything is sent: threadlab did not start it); Esc
            // sends nothing. j joins no attached process: refused. The process untouched
            t.keys("Tab");
            t.type("k");
            s = t.await("the signal menu", x -> x.contains("Send signal to PID " + pid), 10_000);
            t.keys("Escape");
            t.await("the menu closed", x -> !x.contains("Send signal to PID " + pid), 10_000);
            t.type("j");
            s = t.await("the refusal", x -> x.contains("is attached, not a worker: threadlab does not join it"), 10_000);
            assertTrue(target.isAlive(), "neither k nor j acted on it");

            target.destroyForcibly().waitFor();
            s = t.await("its exit", x -> x.contains("pid " + pid + " (" + (python ? "python3" : "sleep") + ") exited")
                    && x.contains(" EXIT "), 15_000);
            assertTrue(Pattern.compile(pid + "\\s+" + pid + " EXIT ").matcher(s).find(), s);

            t.type("c");
            s = t.await("the rows cleared", x -> !x.contains(" EXIT ") && x.contains("1 exited attached process"), 10_000);
            for (String n : names) {
                assertFalse(Pattern.compile(n + "\\s+" + pid).matcher(s).find(), s);
            }

            t.type("q");
            s = t.await("the exit", x -> x.contains("EXITED 0"), 15_000);
            assertEquals("0", t.format("#{alternate_on}"), "the terminal is back to normal");
        } finally {
            target.destroyForcibly();
        }
    }

    /** Quitting stops threadlab's workers, never an attached process: it is not threadlab's to end. */
    @Test
    void quittingLeavesTheAttachedProcessRunning() throws Exception {
        Process target = new ProcessBuilder("sleep", "300").start();
        long pid = target.pid();
        String cmd = Jar.java() + " -jar " + Jar.JAR + " attach " + pid + " --interval 200ms; echo EXITED $?; sleep 60";
        try (Tmux t = Tmux.start(120, 30, cmd)) {
            t.await("the attached row", x -> Pattern.compile("sleep\\s+" + pid + "\\s+" + pid + KIND + "S ").matcher(x).find(), 30_000);
            t.type("q");
            t.await("the exit", x -> x.contains("EXITED 0"), 15_000);
            assertTrue(target.isAlive(), "the attached process runs on after threadlab quit");
        } finally {
            target.destroyForcibly();
        }
    }

    @Test
    void aBadPidIsOneLineAndExit2WithTheTerminalUntouched() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String cmd = Jar.java() + " -jar " + Jar.JAR + " attach " + gone.pid() + "; echo EXITED $?; "
                + Jar.java() + " -jar " + Jar.JAR + " attach nope; echo EXITED $?; sleep 60";
        try (Tmux t = Tmux.start(120, 30, cmd)) {
            String s = t.await("both refusals", x -> x.split("EXITED 2", -1).length == 3, 30_000);
            assertTrue(s.contains("threadlab: no process with PID " + gone.pid() + " (ps or pgrep list the running ones)\nEXITED 2"), s);
            assertTrue(s.contains("threadlab: 'nope' is not a PID: a process id is a whole number, as ps and pgrep print it\nEXITED 2"), s);
            assertEquals("0", t.format("#{alternate_on}"), "no screen was opened");
        }
    }
}
