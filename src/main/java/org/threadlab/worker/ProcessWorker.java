package org.threadlab.worker;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.threadlab.work.TypedSpec;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.child.ChildCommand;
import org.threadlab.worker.child.LineReader;
import org.threadlab.worker.child.LineWriter;
import org.threadlab.worker.child.Protocol;

/**
 * A worker in a child JVM of its own. Two small threads per child: one reads its protocol lines
 * and, at end of stream, reaps it and records how it ended; one keeps the tail of its stderr.
 */
final class ProcessWorker extends Worker {
    private final List<String> command;
    private volatile Process process;
    private volatile LineWriter toChild;
    private final SignalsSent signals = new SignalsSent();
    private volatile boolean stopSent;
    private volatile String error;
    private volatile int malformed;
    /** The external program's PID for an exec worker, else -1. */
    private volatile long targetPid = -1;
    /** It runs a program under a watchdog (exec): announced with the program's PID, when the watchdog sends it. */
    private final boolean runsProgram;
    private Thread stderrReader;
    /** Where warm spares come from, or null (none kept). */
    private final SparePool spares;
    private volatile LineReader fromChild;
    /** It runs in what was a warm spare: its JVM was started before it was asked for. */
    private volatile boolean wasSpare;
    /** System.nanoTime() when the child's hello came (0: not yet). */
    private volatile long helloNanos;

    ProcessWorker(int id, String name, TypedSpec spec, boolean daemon, Listener listener, long maxHeap,
                  boolean gil, long gilIntervalNanos) {
        this(id, name, spec, daemon, listener, maxHeap, gil, gilIntervalNanos, null);
    }

    ProcessWorker(int id, String name, TypedSpec spec, boolean daemon, Listener listener, long maxHeap,
                  boolean gil, long gilIntervalNanos, SparePool spares) {
        super(id, name, WorkerKind.PROCESS, spec.text(), daemon, listener);
        this.spares = spares;
        this.runsProgram = spec.type().runsProgram();
        this.command = ChildCommand.build(Integer.toString(id), name, spec, maxHeap, gil, gilIntervalNanos);
    }

    List<String> command() {
        return command;
    }

    /** Whether it runs in what was a warm spare. */
    boolean wasSpare() {
        return wasSpare;
    }

    /** System.nanoTime() when the child's hello came; 0 before it. */
    long helloNanos() {
        return helloNanos;
    }

    @Override
    void start() {
        SparePool.Spare spare = spares == null ? null : spares.take(command);
        // the hand-over: the spare's JVM becomes this worker's, its work given over the pipe
        if (spare != null && spare.toChild.writeQuietly(SparePool.workLine(command))) {
            process = spare.process;
            fromChild = spare.fromChild;
            toChild = spare.toChild;
            wasSpare = true;
        } else {
            if (spare != null) {
                // it died as it was taken: a cold start instead
                spare.process.destroyForcibly();
            }
            String why = ChildCommand.unavailableReason();
            if (why != null) {
                throw new SpawnRefused(why);
            }
            try {
                process = new ProcessBuilder(command).start();
            } catch (IOException e) {
                throw new SpawnRefused("cannot start a child JVM: " + e.getMessage());
            }
            fromChild = new LineReader(process.getInputStream());
            toChild = new LineWriter(process.getOutputStream());
        }
        pid = process.pid();
        // an exec worker is announced with its program's PID, when the watchdog sends it
        markStarted(!runsProgram);
        stderrReader = daemonThread("threadlab-err-" + id, () -> readStderr(process.getErrorStream()));
        daemonThread("threadlab-pipe-" + id, this::readProtocol);
    }

    private static Thread daemonThread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void readStderr(InputStream err) {
        LineReader in = new LineReader(err);
        try {
            String line;
            while ((line = in.readLine()) != null) {
                addStderr(LineReader.OVERSIZED.equals(line) ? "(an over-long line)" : line);
            }
        } catch (IOException ignored) {
            // the child is gone
        }
    }

    private void readProtocol() {
        LineReader in = fromChild;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                handle(line);
            }
        } catch (IOException ignored) {
            // the child is gone; the exit code tells how
        }
        int code;
        try {
            code = process.waitFor();
            stderrReader.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        exitCode = code;
        finish(code);
    }

    /** One line from the child; anything malformed is counted and ignored, never trusted. */
    void handle(String line) {
        if (LineReader.OVERSIZED.equals(line)) {
            malformed++;
            return;
        }
        try {
            switch (Protocol.verb(line)) {
                case Protocol.HELLO -> {
                    String v = Protocol.field(line, "v");
                    if (!Integer.toString(Protocol.VERSION).equals(v)) {
                        malformed++;
                        return;
                    }
                    tid = Long.parseLong(Protocol.field(line, "tid"));
                    if (helloNanos == 0) {
                        helloNanos = System.nanoTime();
                    }
                }
                case Protocol.STATE -> {
                    String s = Protocol.rest(line);
                    if (state.alive()) {
                        state = "waiting".equals(s) ? WorkerState.WAITING : WorkerState.RUNNING;
                    }
                }
                case Protocol.PROGRESS -> {
                    String[] f = Protocol.rest(line).split(" ");
                    long done = Long.parseLong(f[0]);
                    long total = Long.parseLong(f[1]);
                    if (done < 0 || total < 0 || f.length != 2) {
                        malformed++;
                        return;
                    }
                    progress(done, total);
                }
                case Protocol.STATUS -> status = Protocol.rest(line);
                case Protocol.TARGET -> {
                    // an external program does the work: show and signal it, not the watchdog JVM
                    long target = Long.parseLong(Protocol.field(line, "pid"));
                    if (target <= 0) {
                        malformed++;
                        return;
                    }
                    targetPid = target;
                    pid = target;
                    tid = target;
                    status = "run by watchdog pid " + process.pid();
                    announce();
                }
                case Protocol.OUTPUT -> addStdout(Protocol.rest(line));
                case Protocol.MEMBER -> member(line);
                case Protocol.MEMBER_TID -> {
                    MemberSet m = members;
                    if (m != null) {
                        m.hello(Long.parseLong(Protocol.field(line, "pid")), Long.parseLong(Protocol.field(line, "tid")));
                    }
                }
                case Protocol.MEMBER_END -> {
                    MemberSet m = members;
                    // "member-end pid=P code=C cpu=N TEXT": the text is everything after the fourth word
                    String[] f = line.split(" ", 5);
                    int code = Integer.parseInt(Protocol.field(line, "code"));
                    long cpu = Long.parseLong(Protocol.field(line, "cpu"));
                    String text = f.length == 5 ? f[4] : null;
                    if (m != null) {
                        m.ended(Long.parseLong(Protocol.field(line, "pid")), code, code == 0 ? text : null, code == 0 ? null : text, cpu);
                    }
                }
                // an exec worker's watchdog reports the program's CPU (what the kernel booked to it on reaping the program)
                case Protocol.CPU -> cpuNanos = Long.parseLong(Protocol.rest(line));
                case Protocol.RESULT -> result = Protocol.rest(line);
                case Protocol.ERROR -> error = Protocol.rest(line);
                default -> malformed++;
            }
        } catch (RuntimeException e) {
            malformed++;
        }
    }

    @Override
    long watchdogPid() {
        Process p = process;
        return runsProgram && p != null ? p.pid() : -1;
    }

    /**
     * "member pid=P name=N type=T k=v...": a process this child started. Believed only when P really
     * is this child's child: threadlab signals the PIDs it shows, and must never be talked into
     * signalling someone else's.
     */
    private void member(String line) {
        long memberPid = Long.parseLong(Protocol.field(line, "pid"));
        String memberName = Protocol.field(line, "name");
        String type = Protocol.field(line, "type");
        Process p = process;
        boolean ours = p != null && ProcessHandle.of(memberPid).flatMap(ProcessHandle::parent)
                .map(parent -> parent.pid() == p.pid()).orElse(false);
        if (memberName == null || type == null || !ours) {
            malformed++;
            return;
        }
        WorkloadSpec memberSpec = WorkloadSpec.of(type);
        for (String word : line.split(" ")) {
            int eq = word.indexOf('=');
            String key = eq > 0 ? word.substring(0, eq) : null;
            if (key != null && !key.equals("pid") && !key.equals("name") && !key.equals("type")) {
                memberSpec = memberSpec.with(key, word.substring(eq + 1));
            }
        }
        MemberSet m = members;
        if (m != null) {
            m.started(memberName, memberSpec, memberPid, null);
        }
    }

    int malformedLines() {
        return malformed;
    }

    /** Turns an exit code into an end state with its reason. */
    private void finish(int code) {
        String stderr = lastStderr();
        if (code == Protocol.EXIT_OK && result != null) {
            markEnded(WorkerState.FINISHED, null);
        } else if (code == Protocol.EXIT_STOPPED && stopSent) {
            markEnded(WorkerState.TERMINATED, "stopped on request");
        } else if (code > 128) {
            // a stopped exec worker's watchdog sent the SIGTERM on our behalf
            markEnded(WorkerState.TERMINATED, signals.reason(code, stopSent));
        } else if (error != null) {
            markEnded(WorkerState.FAILED, error);
        } else if (code == Protocol.EXIT_PARENT_GONE) {
            markEnded(WorkerState.TERMINATED, "its input pipe closed");
        } else {
            markEnded(WorkerState.FAILED, "exit code " + code + (stderr != null ? ": " + stderr : ""));
        }
    }

    @Override
    void cancel() {
        cancelRequested = true;
        stopSent = true;
        send(Protocol.STOP);
    }

    private void send(String line) {
        LineWriter out = toChild;
        if (out != null) {
            // gone already: the reader records the end
            out.writeQuietly(line);
        }
    }

    @Override
    void terminate(boolean forcibly) {
        Process p = process;
        if (p == null) {
            return;
        }
        cancelRequested = true;
        // through the handle: Process.destroy() would also close our pipe ends, and a child that
        // sees its stdin close exits at once, hiding how a real SIGTERM is handled
        long target = targetPid;
        ProcessHandle handle = target > 0 ? ProcessHandle.of(target).orElse(p.toHandle()) : p.toHandle();
        signals.send(handle, forcibly);
    }

    @Override
    void closeInput() {
        LineWriter out = toChild;
        if (out != null) {
            out.close();
        }
    }

    @Override
    void killAll() {
        Process p = process;
        if (p == null) {
            return;
        }
        cancelRequested = true;
        signals.killing();
        long target = targetPid;
        if (target > 0) {
            ProcessHandle.of(target).ifPresent(ProcessHandle::destroyForcibly);
        }
        p.toHandle().destroyForcibly();
    }

    @Override
    boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }
}
