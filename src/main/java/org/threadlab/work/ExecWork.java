package org.threadlab.work;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real program (a small Python script, say) and waits for it, so threadlab can watch its
 * threads. It runs inside a small watchdog child JVM: the program is started from an argument list
 * (never a shell), its stdout goes to the parent as output lines and its stderr to the watchdog's
 * stderr (the worker keeps the last lines of each), and when threadlab goes away the watchdog kills
 * the program before it exits itself, so a program that never reads its stdin still cannot outlive
 * threadlab.
 */
public final class ExecWork implements Workload {
    public static final Param<List<String>> CMD = Param.command("cmd", "the program and its arguments, split on spaces (no shell)");

    private final List<String> command;

    public ExecWork(List<String> command) {
        this.command = List.copyOf(command);
    }

    /**
     * Ends the watchdog with the program's own exit code, so the worker shows one exit code: the
     * program's (a signal shows as that signal).
     */
    public static final class ExitCode extends RuntimeException {
        private final int code;

        public ExitCode(int code, String reason) {
            super(reason);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** Splits a command line on white space (no quoting, no shell) and checks the program exists. */
    public static List<String> parse(String commandLine) {
        String trimmed = commandLine == null ? "" : commandLine.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("cmd is empty: give the program and its arguments, e.g. python3 demos/busy_threads.py 30");
        }
        if (trimmed.length() > 1000) {
            throw new IllegalArgumentException("cmd is too long (at most 1000 characters)");
        }
        List<String> words = List.of(trimmed.split("\\s+"));
        if (resolve(words.get(0)) == null && !Demos.shipped(words.get(0), Path.of("").toAbsolutePath())) {
            throw new IllegalArgumentException(whyNot(words.get(0)));
        }
        return words;
    }

    /** Why a program named by a path or found nowhere cannot run, in words a user can act on. */
    private static String whyNot(String program) {
        File f = new File(program);
        if (program.contains(File.separator) && f.isDirectory()) {
            return "'" + program + "' is a directory, not a program";
        }
        if (program.contains(File.separator) && f.isFile()) {
            return "'" + program + "' is a file but not executable (chmod +x it, or run it with its interpreter)";
        }
        return "no program '" + program + "' (not a file, and not found on PATH)";
    }

    private static File resolve(String program) {
        if (program.contains(File.separator)) {
            File f = new File(program);
            return f.isFile() && f.canExecute() ? f : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File f = new File(dir, program);
            if (f.isFile() && f.canExecute()) {
                return f;
            }
        }
        return null;
    }

    @Override
    public String run(WorkContext ctx) throws Exception {
        // demos/busy_threads.py works from anywhere: the demos travel in the jar
        ProcessBuilder builder = new ProcessBuilder(Demos.resolve(command, Path.of("").toAbsolutePath()));
        String tag = System.getProperty("threadlab.worker");
        if (tag != null) {
            // a program cannot carry -Dthreadlab.worker=; the environment says whose it is
            builder.environment().put("THREADLAB_WORKER", tag);
        }
        // Python buffers a pipe's output until it exits: unbuffered, its lines show as they are printed
        builder.environment().putIfAbsent("PYTHONUNBUFFERED", "1");
        builder.redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '/' ? "/dev/null" : "NUL")));
        Launch launch = new Launch(builder);
        // registered before the start: an exit from now on either finds the program or keeps it from starting
        ctx.atExit(launch);
        Process program = launch.start();
        ctx.target(program.pid());
        Copier out = new Copier(program.getInputStream(), ctx, true);
        Copier err = new Copier(program.getErrorStream(), ctx, false);
        Thread outThread = daemon(out, "exec-stdout");
        Thread errThread = daemon(err, "exec-stderr");
        long stopAt = 0;
        while (!program.waitFor(100, TimeUnit.MILLISECONDS)) {
            if (ctx.cancelRequested() && stopAt == 0) {
                program.destroy();
                stopAt = System.nanoTime() + 2_000_000_000L;
            } else if (stopAt != 0 && System.nanoTime() > stopAt) {
                program.destroyForcibly();
            }
        }
        outThread.join(500);
        errThread.join(500);
        int code = program.exitValue();
        String name = command.get(0);
        if (code == 0) {
            return name + " exited with code 0" + (out.last != null ? ": " + out.last : "");
        }
        String last = err.last != null ? err.last : out.last;
        throw new ExitCode(code, name + " exited with code " + code + (last != null ? ": " + last : ""));
    }

    private static Thread daemon(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Starts the program unless the watchdog is already on its way out, and kills it when the
     * watchdog goes. One lock for both, so no moment exists in which a program is started that
     * the clean-up has missed.
     */
    static final class Launch implements Runnable {
        private final ProcessBuilder builder;
        private Process program;
        private boolean closing;

        Launch(ProcessBuilder builder) {
            this.builder = builder;
        }

        synchronized Process start() throws IOException, InterruptedException {
            if (closing) {
                throw new InterruptedException("the watchdog is exiting: the program was not started");
            }
            program = builder.start();
            return program;
        }

        /** Kills the program, if it runs; after this, {@link #start} starts nothing. */
        @Override
        public void run() {
            Process p;
            synchronized (this) {
                closing = true;
                p = program;
            }
            if (p != null) {
                p.destroyForcibly();
                try {
                    // the watchdog goes only once its program is gone (bounded: a hook must not hang the exit)
                    p.waitFor(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** One of the program's output streams, line by line: stdout to the parent as output lines, stderr to the watchdog's stderr. */
    private static final class Copier implements Runnable {
        private final InputStream from;
        private final WorkContext ctx;
        private final boolean stdout;
        volatile String last;

        Copier(InputStream from, WorkContext ctx, boolean stdout) {
            this.from = from;
            this.ctx = ctx;
            this.stdout = stdout;
        }

        @Override
        public void run() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank()) {
                        last = line.length() > 300 ? line.substring(0, 300) : line;
                    }
                    if (stdout) {
                        ctx.output(line);
                    } else {
                        System.err.println(line);
                    }
                }
            } catch (IOException ignored) {
                // the program is gone
            }
        }
    }

    /** The {@code exec} workload's descriptor. */
    public static final class Type extends WorkloadType {
        @Override public String name() { return "exec"; }
        @Override public String summary() { return "runs a real program as a process and watches its threads"; }

        @Override
        public String shows() {
            return "a real program (a Python script...) run as a process under a small watchdog JVM, so its threads show and it never"
                    + " outlives threadlab; processes only. Its stdout and stderr show in the detail pane, its last line in the result;"
                    + " a failure has the program's exit code. The `demos/*.py` programs ship in the jar, so"
                    + " `python3 demos/busy_threads.py 30` works from any directory";
        }

        @Override public List<Param<?>> params() { return List.of(CMD); }
        @Override public String example() { return "cmd=python3 demos/busy_threads.py 30"; }
        @Override public String runsAs() { return "process only"; }
        @Override public boolean runsProgram() { return true; }

        @Override
        public String onlyAsProcess(TypedSpec spec) {
            return "exec starts a program of its own: it runs only as a process";
        }

        @Override
        public Workload create(TypedSpec spec, PoolMember.Launcher launcher, boolean inChildProcess) {
            return new ExecWork(spec.get(CMD));
        }
    }
}
