package org.threadlab.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real terminal for end-to-end tests: a detached tmux session, typed into and read like a screen. */
final class Tmux implements AutoCloseable {
    private final String session;

    private Tmux(String session) {
        this.session = session;
    }

    static boolean available() {
        try {
            return run("tmux", "-V").startsWith("tmux");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts {@code shellCommand} (run by bash, as a user's terminal would) in a new session. */
    static Tmux start(int width, int height, String shellCommand) throws IOException, InterruptedException {
        String name = "threadlab-e2e-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        run("tmux", "new-session", "-d", "-s", name, "-x", Integer.toString(width), "-y", Integer.toString(height),
                "-e", "TERM=xterm-256color", "-e", "LANG=C.UTF-8", "bash", "--norc", "--noprofile", "-c", shellCommand);
        return new Tmux(name);
    }

    void keys(String... keys) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "send-keys", "-t", session));
        cmd.addAll(List.of(keys));
        run(cmd.toArray(new String[0]));
    }

    /** Types text literally (no key-name lookup). */
    void type(String text) throws IOException, InterruptedException {
        run("tmux", "send-keys", "-t", session, "-l", text);
    }

    String screen() throws IOException, InterruptedException {
        return run("tmux", "capture-pane", "-p", "-t", session);
    }

    /** tmux's view of the pane: e.g. "#{alternate_on}" or "#{cursor_flag}". */
    String format(String format) throws IOException, InterruptedException {
        return run("tmux", "display-message", "-p", "-t", session, format).trim();
    }

    void resize(int width, int height) throws IOException, InterruptedException {
        run("tmux", "resize-window", "-t", session, "-x", Integer.toString(width), "-y", Integer.toString(height));
    }

    /**
     * Waits until the screen satisfies {@code test} and returns that screen; throws, with the last
     * screen in the message, if it does not within {@code timeoutMillis}: a wait that ends quietly
     * would let the next step fail for a reason nobody can see.
     */
    String await(Predicate<String> test, long timeoutMillis) throws IOException, InterruptedException {
        return await("the expected screen", test, timeoutMillis);
    }

    /** As {@link #await(Predicate, long)}, naming what was awaited in the failure. */
    String await(String what, Predicate<String> test, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        String s = screen();
        while (!test.test(s)) {
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("waited " + timeoutMillis + " ms for " + what + "; the screen was:\n" + s);
            }
            Thread.sleep(100);
            s = screen();
        }
        return s;
    }

    /** PID of the pane's first process (bash, which runs threadlab as its child). */
    long panePid() throws IOException, InterruptedException {
        return Long.parseLong(format("#{pane_pid}"));
    }

    /**
     * Ends the session and whatever still runs from it. Killing the session hangs up the pane, but
     * script(1) answers a hang-up by sending EOF to its child and waiting: a threadlab screen under it
     * reads no EOF, so after a failed test both ran on for good. So what ran in the pane gets SIGTERM
     * (threadlab's hook stops its workers), and SIGKILL if it is still there after 5 s.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        List<ProcessHandle> left = List.of();
        try {
            // the pane's process too: bash -c execs a lone command, so script itself may be it
            left = ProcessHandle.of(panePid()).map(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p),
                    p.descendants()).toList()).orElse(List.of());
        } catch (RuntimeException e) {
            // no pane (it ended already): nothing is left of it
        }
        run("tmux", "kill-session", "-t", session);
        for (ProcessHandle p : left) {
            p.destroy();
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (left.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        for (ProcessHandle p : left) {
            p.destroyForcibly();
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
