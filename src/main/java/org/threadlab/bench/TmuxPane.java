package org.threadlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program in a terminal of its own for the figures that watch the screen: a detached tmux session of
 * a given size, typed into and read like a screen, whose program's pid the figure reads /proc of.
 */
final class TmuxPane implements AutoCloseable {
    private final Path tmux;
    private final String session;

    private TmuxPane(Path tmux, String session) {
        this.tmux = tmux;
        this.session = session;
    }

    /** Starts {@code shellCommand} (run by {@code sh -c}) in a new session {@code width}x{@code height} with {@code env} set. */
    static TmuxPane start(Path tmux, String name, int width, int height, Map<String, String> env, String shellCommand)
            throws IOException, InterruptedException {
        String session = "threadlab-bench-" + name + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        List<String> cmd = new ArrayList<>(List.of(tmux.toString(), "new-session", "-d", "-s", session,
                "-x", Integer.toString(width), "-y", Integer.toString(height)));
        for (Map.Entry<String, String> e : env.entrySet()) {
            cmd.add("-e");
            cmd.add(e.getKey() + "=" + e.getValue());
        }
        cmd.addAll(List.of("sh", "-c", shellCommand));
        run(cmd);
        return new TmuxPane(tmux, session);
    }

    String screen() throws IOException, InterruptedException {
        return run(List.of(tmux.toString(), "capture-pane", "-p", "-t", session));
    }

    /** Types {@code text} literally. */
    void type(String text) throws IOException, InterruptedException {
        run(List.of(tmux.toString(), "send-keys", "-t", session, "-l", text));
    }

    /** Presses named keys: "Up", "BSpace", "Enter". */
    void keys(String... keys) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(tmux.toString(), "send-keys", "-t", session));
        cmd.addAll(List.of(keys));
        run(cmd);
    }

    /** Waits until the screen shows what {@code test} wants; an exception naming {@code what} and the last screen if it does not in time. */
    String await(String what, Predicate<String> test, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        String s = screen();
        while (!test.test(s)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("no " + what + " after " + timeoutMillis / 1000 + " s; the screen was: "
                        + s.lines().filter(l -> !l.isBlank()).limit(3).toList());
            }
            Thread.sleep(100);
            s = screen();
        }
        return s;
    }

    /** The pane's process, or the first of its descendants whose command line contains {@code marker}. */
    long pid(String marker, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long pane = panePid();
            List<ProcessHandle> all = new ArrayList<>();
            ProcessHandle.of(pane).ifPresent(p -> {
                all.add(p);
                p.descendants().forEach(all::add);
            });
            for (ProcessHandle p : all) {
                if (ProcStat.cmdline(p.pid()).contains(marker)) {
                    return p.pid();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("no process running " + marker + " in its terminal");
            }
            Thread.sleep(50);
        }
    }

    private long panePid() throws IOException, InterruptedException {
        String out = run(List.of(tmux.toString(), "display-message", "-p", "-t", session, "#{pane_pid}")).trim();
        try {
            return Long.parseLong(out);
        } catch (NumberFormatException e) {
            throw new IOException("tmux names no pane: " + out);
        }
    }

    /** Ends the session and what runs in it: SIGTERM first (threadlab's hook stops its workers), SIGKILL after 5 s. */
    @Override
    public void close() throws IOException, InterruptedException {
        List<ProcessHandle> left = new ArrayList<>();
        try {
            ProcessHandle.of(panePid()).ifPresent(p -> {
                left.add(p);
                p.descendants().forEach(left::add);
            });
        } catch (IOException e) {
            // the pane is gone already
        }
        for (ProcessHandle p : left) {
            p.destroy();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (left.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        left.forEach(ProcessHandle::destroyForcibly);
        run(List.of(tmux.toString(), "kill-session", "-t", session));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command.subList(0, 2)) + " did not end in 10 s");
        }
        return out;
    }
}
