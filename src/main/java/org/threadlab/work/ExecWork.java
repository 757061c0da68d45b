package org.threadlab.work;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real program (a small Python script, say) and waits for it, so threadlab can watch its
 * threads. It runs inside a small watchdog child JVM: the program is started from an argument list
 * (never a shell), its output goes to the watchdog's stderr (kept as the worker's stderr tail), and
 * when threadlab goes away the watchdog kills the program before it exits itself, so a program that
 * never reads its stdin still cannot outlive threadlab.
 */
public final class ExecWork implements Workload {
    private final List<String> command;

    public ExecWork(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** Ends the watchdog with the program's own exit code, so a signal shows as that signal. */
    public static final class ExitCode extends RuntimeException {
        private final int code;

        public ExitCode(int code) {
            super("exited with code " + code);
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
            throw new IllegalArgumentException("cmd is empty: give the program and its arguments, e.g. cmd=python3 demos/busy_threads.py 30");
        }
        if (trimmed.length() > 1000) {
            throw new IllegalArgumentException("cmd is too long (at most 1000 characters)");
        }
        List<String> words = List.of(trimmed.split("\\s+"));
        if (resolve(words.get(0)) == null) {
            throw new IllegalArgumentException("no program '" + words.get(0) + "' (not a file, and not found on PATH)");
        }
        return words;
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
        ProcessBuilder builder = new ProcessBuilder(command);
        String tag = System.getProperty("threadlab.worker");
        if (tag != null) {
            // a program cannot carry -Dthreadlab.worker=; the environment says whose it is
            builder.environment().put("THREADLAB_WORKER", tag);
        }
        Process program = builder
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '/' ? "/dev/null" : "NUL")))
                .start();
        ctx.atExit(new Killer(program));
        ctx.target(program.pid());
        Thread copier = new Thread(new Copier(program), "exec-output");
        copier.setDaemon(true);
        copier.start();
        long stopAt = 0;
        while (!program.waitFor(100, TimeUnit.MILLISECONDS)) {
            if (ctx.cancelRequested() && stopAt == 0) {
                program.destroy();
                stopAt = System.nanoTime() + 2_000_000_000L;
            } else if (stopAt != 0 && System.nanoTime() > stopAt) {
                program.destroyForcibly();
            }
        }
        copier.join(500);
        int code = program.exitValue();
        if (code == 0) {
            return command.get(0) + " exited with code 0";
        }
        if (code > 128) {
            throw new ExitCode(code);
        }
        throw new IllegalStateException(command.get(0) + " exited with code " + code);
    }

    /** Kills the program when the watchdog is about to go. */
    private static final class Killer implements Runnable {
        private final Process program;

        Killer(Process program) {
            this.program = program;
        }

        @Override
        public void run() {
            program.destroyForcibly();
        }
    }

    /** The program's output, line by line, to the watchdog's stderr. */
    private static final class Copier implements Runnable {
        private final Process program;

        Copier(Process program) {
            this.program = program;
        }

        @Override
        public void run() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(program.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    System.err.println(line);
                }
            } catch (IOException ignored) {
                // the program is gone
            }
        }
    }
}
