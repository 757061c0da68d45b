package org.threadlab.worker.child;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.threadlab.work.ExecWork;
import org.threadlab.work.GilContext;
import org.threadlab.work.PoolMap;
import org.threadlab.work.SimulatedGil;
import org.threadlab.work.TypedSpec;
import org.threadlab.work.WorkContext;
import org.threadlab.work.Workload;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.WorkloadType;
import org.threadlab.work.Workloads;
import org.threadlab.worker.Failures;
import org.threadlab.worker.NativeThreadId;

/**
 * The entry point of a child worker JVM. Deliberately bare (no Lanterna, no OSHI, no picocli, no
 * lambdas or String.format on the start-up path) so a child is ready in well under 100 ms.
 *
 * <p>Arguments: {@code NAME TYPE [key=value ...] [--gil=SWITCH_NANOS]}. The work runs on a thread
 * called NAME; the main thread reads the parent's lines from stdin and exits the JVM at once when
 * stdin closes, so a child never outlives threadlab, however threadlab ends.
 */
public final class ChildMain {
    private static final LineWriter OUT = new LineWriter(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 4096));

    private ChildMain() {}

    /** A spare's CPU time when its work came (-1: not a spare): its JVM's start-up is not the work's. */
    private static volatile long spareCpuNanos = -1;

    public static void main(String[] args) throws Exception {
        LineReader in = null; // a cold child opens it after its work thread started (off the way to hello)
        if (args.length == 1 && args[0].equals(ChildCommand.SPARE_ARG)) {
            in = parentLines(); // one reader for the work line and all after it: it buffers
            args = awaitWork(in);
        }
        begin(args, in);
    }

    /**
     * The parent's lines on stdin, through an interruptible channel: exit() interrupts this read, since
     * the JVM's halt waits 300 ms for a thread blocked in a native read of stdin (measured: result line -> exit).
     */
    private static LineReader parentLines() {
        return new LineReader(java.nio.channels.Channels.newInputStream(new FileInputStream(FileDescriptor.in).getChannel()));
    }

    /**
     * A warm spare: it warms up what a hand-over uses, says {@code spare}, and waits on stdin for its
     * work ({@code work TAG ARG...}, the arguments a cold child gets); it halts when stdin closes first,
     * as every child does. Returns the arguments, with the worker tag set as a cold child has it.
     */
    private static String[] awaitWork(LineReader in) throws IOException {
        warmUp();
        send(Protocol.spareReady(ChildWork.pid()));
        String line;
        while ((line = in.readLine()) != null) {
            if (!Protocol.verb(line).equals(Protocol.WORK)) {
                continue; // nothing to stop or serve yet
            }
            String[] words = Protocol.rest(line).split(" ");
            spareCpuNanos = 0; // read by the work thread, after its hello
            System.setProperty("threadlab.worker", Protocol.decodeWord(words[0]));
            String[] args = new String[words.length - 1];
            for (int i = 1; i < words.length; i++) {
                args[i - 1] = Protocol.decodeWord(words[i]);
            }
            return args;
        }
        Runtime.getRuntime().halt(Protocol.EXIT_PARENT_GONE);
        return null;
    }

    /**
     * Runs, while idle, what a hand-over runs (on nothing: no line is sent): the arguments decoded, a
     * sleep spec read through its descriptor, the work's context built, a thread started that finds
     * its native id and writes a hello line. Their classes are then loaded and initialized, so the
     * hand-over runs only its own work. The common workloads' classes are loaded too.
     */
    private static void warmUp() {
        try {
            String[] words = Protocol.rest("work spare duration=10ms").split(" ");
            String pair = Protocol.decodeWord(words[1]);
            TreeMap<String, String> params = new TreeMap<>();
            params.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            WorkloadSpec text = new WorkloadSpec("sleep", params);
            TypedSpec spec = descriptor(org.threadlab.work.SleepWork.Type.class.getName(), "sleep").read(text);
            spec.type().create(spec, new ChildPoolMember.Starter("spare", new MemberReports()), true);
            ChildWork work = new ChildWork("spare", text, null, new SimulatedGil(false));
            Thread t = new Thread(new Rehearsal(), "spare");
            t.start();
            t.join();
            work.cancelRequested();
            ChildWork.ownCpuNanos();
        } catch (InterruptedException | RuntimeException e) {
            // a cold hand-over then: slower, not wrong
        }
        Class<?>[] classes = {org.threadlab.work.CpuBurn.Type.class, org.threadlab.work.CpuBurn.class, Failures.class};
        for (Class<?> c : classes) {
            try {
                Class.forName(c.getName(), true, ChildMain.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // one class less to warm: the hand-over loads it itself
            }
        }
    }

    /** The start of a work thread, rehearsed by a spare: its native id and its hello, not sent. */
    private static final class Rehearsal implements Runnable {
        static volatile String said;

        @Override
        public void run() {
            said = Protocol.hello(ChildWork.pid(), NativeThreadId.fromProc(), "spare");
        }
    }

    private static void begin(String[] args, LineReader in) throws Exception {
        // --type=CLASS first: the workload's descriptor, built directly (no search of the class path)
        String typeClass = null;
        if (args.length > 0 && args[0].startsWith(ChildCommand.TYPE_PREFIX)) {
            typeClass = args[0].substring(ChildCommand.TYPE_PREFIX.length());
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        if (args.length < 2) {
            System.err.println("usage: ChildMain [--type=CLASS] NAME TYPE [key=value ...] [--gil=NANOS]");
            System.exit(Protocol.EXIT_USAGE);
        }
        String name = args[0];
        TreeMap<String, String> params = new TreeMap<>();
        SimulatedGil gil = new SimulatedGil(false);
        for (int i = 2; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--gil=")) {
                gil.setSwitchInterval(Duration.ofNanos(Long.parseLong(a.substring(6))));
                gil.setEnabled(true);
                continue;
            }
            int eq = a.indexOf('=');
            if (eq <= 0) {
                System.err.println("bad argument: " + a);
                System.exit(Protocol.EXIT_USAGE);
            }
            params.put(a.substring(0, eq), a.substring(eq + 1));
        }
        if (Boolean.getBoolean(ChildCommand.STUBBORN_PROPERTY)) {
            // a stubborn worker also shrugs off SIGTERM: its shutdown hook never returns, so only SIGKILL ends it
            Runtime.getRuntime().addShutdownHook(new Stubborn());
        }
        ChildWork work = new ChildWork(name, new WorkloadSpec(args[1], params), typeClass, gil);
        Thread worker = new Thread(work, name);
        work.thread = worker;
        worker.start();
        readParent(work, in);
    }

    /** The descriptor the parent named, checked to be the type the spec says. */
    private static WorkloadType descriptor(String className, String typeName) {
        WorkloadType t;
        try {
            t = (WorkloadType) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("no workload descriptor " + className + ": " + e);
        }
        if (!t.name().equals(typeName)) {
            throw new IllegalArgumentException(className + " describes workload " + t.name() + ", not " + typeName);
        }
        return t;
    }

    /** The main thread's job: obey "stop", queue "task" lines, and leave with the parent. */
    private static void readParent(ChildWork work, LineReader given) {
        LineReader in = given != null ? given : parentLines();
        reader = Thread.currentThread();
        try {
            String line;
            while ((line = in.readLine()) != null) {
                String verb = Protocol.verb(line);
                if (verb.equals(Protocol.STOP)) {
                    work.cancelled = true;
                    work.thread.interrupt();
                } else if (verb.equals(Protocol.TASK)) {
                    work.tasks.add(Protocol.rest(line));
                }
            }
        } catch (IOException e) {
            // a broken pipe means the same as end of input
        }
        if (halting) {
            // exit() interrupted the read on its way out: it ends the JVM, with its own code
            while (true) {
                java.util.concurrent.locks.LockSupport.park();
            }
        }
        // stdin closed: the parent is gone or wants us gone. A program we started goes first; then
        // no hooks, no waiting.
        work.runCleanup();
        Runtime.getRuntime().halt(Protocol.EXIT_PARENT_GONE);
    }

    /** Ends the JVM without shutdown hooks (our output is already flushed; a stubborn hook must not stop us). */
    static void exit(int code) {
        System.err.flush();
        halting = true;
        Thread r = reader;
        if (r != null) {
            // out of its native read: otherwise the halt below waits 300 ms for it
            r.interrupt();
        }
        Runtime.getRuntime().halt(code);
    }

    /** The main thread, reading the parent's lines; set once it starts reading. */
    private static volatile Thread reader;
    /** Set by exit(): the main thread's read ending now is our doing, not the parent's. */
    private static volatile boolean halting;

    static void send(String line) {
        // the parent stopped listening: it will close stdin too, and we halt there
        OUT.writeQuietly(line);
    }

    /** Runs the workload (or, as a pool member, one task per "task" line) on the work thread. */
    private static final class ChildWork extends GilContext implements Runnable, PoolMap.PoolAware {
        private final String name;
        /** The spec as the parent wrote it, read once on the work thread. */
        private final WorkloadSpec text;
        /** The descriptor's class the parent named, or null: then looked up by the type's name. */
        private final String typeClass;
        private final SimulatedGil gil;
        final LinkedBlockingQueue<String> tasks = new LinkedBlockingQueue<>();
        volatile boolean cancelled;
        volatile Thread thread;
        private boolean waiting;
        private long lastProgressAt;
        private long lastDone = -1;
        private long lastStatusAt;
        private Runnable cleanup;
        /** Set once the JVM is on its way out: a clean-up registered after that runs at once. */
        private boolean exiting;
        /** Set when a program this JVM runs (exec) does the work: its CPU is the work's. */
        private volatile boolean targeted;

        private synchronized boolean exiting() {
            return exiting;
        }

        void runCleanup() {
            Runnable c;
            synchronized (this) {
                exiting = true;
                c = cleanup;
            }
            if (c != null) {
                c.run();
            }
        }

        /**
         * This process's id, from /proc/self on Linux: ProcessHandle's first use starts the JDK's
         * process-reaper pool, with lambdas (≈35 classes and method handles), on the way to hello.
         */
        static long pid() {
            if (pid > 0) {
                return pid;
            }
            try {
                String path = new java.io.File("/proc/self").getCanonicalPath();
                pid = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
            } catch (java.io.IOException | NumberFormatException | SecurityException e) {
                pid = ProcessHandle.current().pid();
            }
            return pid;
        }

        /** Found once (a spare finds it before its work comes). */
        private static volatile long pid;

        ChildWork(String name, WorkloadSpec text, String typeClass, SimulatedGil gil) {
            super(gil, name);
            this.name = name;
            this.text = text;
            this.typeClass = typeClass;
            this.gil = gil;
        }

        @Override
        public void run() {
            send(Protocol.hello(pid(), NativeThreadId.fromProc(), name));
            if (spareCpuNanos == 0) {
                // after the hello, off the hand-over's path: what this JVM used while it waited as a spare
                spareCpuNanos = Math.max(0, ownCpuNanos());
            }
            try {
                // the child's edge: its arguments are read and checked once, here; a bad one fails the work, said as such
                TypedSpec spec = typeClass != null ? descriptor(typeClass, text.type()).read(text) : Workloads.parseAny(text);
                if (spec.type().ignoresStop(spec) && !Boolean.getBoolean(ChildCommand.STUBBORN_PROPERTY)) {
                    // started without the parent's word (by hand): stubborn from now on
                    Runtime.getRuntime().addShutdownHook(new Stubborn());
                }
                // processes this child starts (pool members, a queue's consumer) are reported to the parent, which shows them
                Workload workload = spec.type().create(spec,
                        new ChildPoolMember.Starter(System.getProperty("threadlab.worker", name), new MemberReports()), true);
                if (spec.type().servesTasks()) {
                    int served = serveTasks(workload);
                    send(Protocol.CPU + " " + cpuNanos());
                    send(Protocol.RESULT + " served " + served + (served == 1 ? " task" : " tasks"));
                    exit(Protocol.EXIT_OK);
                }
                String result = workload.run(this);
                releaseCpu();
                send(Protocol.CPU + " " + cpuNanos());
                send(Protocol.RESULT + " " + Protocol.oneLine(result));
                exit(Protocol.EXIT_OK);
            } catch (InterruptedException e) {
                send(Protocol.CPU + " " + cpuNanos());
                exit(cancelled ? Protocol.EXIT_STOPPED : Protocol.EXIT_FAILED);
            } catch (ExecWork.ExitCode e) {
                if (exiting()) {
                    // our own way out killed the program: its end is not its result, and this JVM ends as it was told
                    return;
                }
                // the program we ran failed: end with its code, so the parent sees one exit code (a signal as that signal)
                send(Protocol.CPU + " " + cpuNanos());
                send(Protocol.ERROR + " " + Protocol.oneLine(e.getMessage()));
                exit(e.code());
            } catch (Throwable e) {
                // the same words a thread worker's failure has
                send(Protocol.ERROR + " " + Protocol.oneLine(Failures.describe(e)));
                exit(Protocol.EXIT_FAILED);
            }
        }

        /**
         * Pool member: "task I X" in, "done I f(X)" out, until "stop" finds it idle (the pool is done:
         * it returns how many it served) or stdin closes. A "stop" in the middle of a task stops the
         * task (InterruptedException).
         */
        private int serveTasks(Workload task) throws Exception {
            int served = 0;
            while (true) {
                String t;
                try {
                    t = tasks.take();
                } catch (InterruptedException e) {
                    if (cancelled) {
                        return served;
                    }
                    throw e;
                }
                int sp = t.indexOf(' ');
                long index = Long.parseLong(t.substring(0, sp));
                long x = Long.parseLong(t.substring(sp + 1));
                task.run(this);
                send(Protocol.DONE + " " + index + " " + PoolMap.apply(x));
                served++;
            }
        }

        /**
         * The work's CPU time: this JVM's; for an exec watchdog the program's, which is what the round
         * is about (the watchdog only waits).
         */
        private long cpuNanos() {
            if (targeted) {
                return reapedChildrenCpuNanos();
            }
            long cpu = ownCpuNanos();
            return cpu < 0 || spareCpuNanos <= 0 ? cpu : Math.max(0, cpu - spareCpuNanos);
        }

        /** This JVM's CPU time so far, -1 when it cannot be read. */
        static long ownCpuNanos() {
            java.util.Optional<Duration> cpu = ProcessHandle.current().info().totalCpuDuration();
            return cpu.isPresent() ? cpu.get().toNanos() : -1;
        }

        /**
         * The CPU of the children this JVM has waited for (the program, and what it waited for in turn),
         * as the kernel booked it to us when they were reaped: cutime+cstime of /proc/self/stat, at
         * USER_HZ (100 on Linux). -1 where there is no /proc, or before the program was reaped.
         */
        private static long reapedChildrenCpuNanos() {
            try {
                String stat = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/self/stat")),
                        java.nio.charset.StandardCharsets.US_ASCII);
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long jiffies = Long.parseLong(f[13]) + Long.parseLong(f[14]); // fields 16 and 17
                return jiffies * 10_000_000L;
            } catch (java.io.IOException | RuntimeException e) {
                return -1;
            }
        }

        @Override
        public boolean cancelRequested() {
            return cancelled;
        }

        @Override
        protected void running() {
            if (waiting) {
                waiting = false;
                send(Protocol.STATE + " running");
            }
        }

        @Override
        protected void waiting() {
            if (!waiting) {
                waiting = true;
                send(Protocol.STATE + " waiting");
            }
        }

        @Override
        public void progress(long done, long total) {
            // at most ten lines a second, plus the last one
            long now = System.nanoTime();
            if (done != lastDone && (done == total || now - lastProgressAt >= 100_000_000L)) {
                lastProgressAt = now;
                lastDone = done;
                send(Protocol.PROGRESS + " " + done + " " + total);
            }
        }

        @Override
        public void status(String text) {
            // like progress: at most ten lines a second
            long now = System.nanoTime();
            if (now - lastStatusAt >= 100_000_000L) {
                lastStatusAt = now;
                send(Protocol.STATUS + " " + Protocol.oneLine(text));
            }
        }

        @Override
        public String workerName() {
            return name;
        }

        @Override
        public void output(String line) {
            send(Protocol.OUTPUT + " " + Protocol.oneLine(line));
        }

        @Override
        public void target(long pid) {
            targeted = true;
            send(Protocol.TARGET + " pid=" + pid);
        }

        @Override
        public void atExit(Runnable c) {
            boolean late;
            synchronized (this) {
                cleanup = c;
                late = exiting;
            }
            if (late) {
                // stdin closed a moment ago and the main thread is about to halt: clean up now
                c.run();
                return;
            }
            try {
                // SIGTERM or SIGINT to this watchdog: the program goes too
                Runtime.getRuntime().addShutdownHook(new Thread(c, "exec-cleanup"));
            } catch (IllegalStateException e) {
                // a signal got here first and the JVM is already exiting: clean up now
                c.run();
            }
        }

        @Override
        public WorkContext forPoolThread() {
            // GIL hand-overs and a pool thread's own waits are not sent: they happen every few milliseconds
            return new GilContext.PoolThread(this, gil);
        }
    }

    /** Tells the parent about the processes this child starts, so it can show, count and stop them. */
    private static final class MemberReports implements ChildPoolMember.Observer {
        @Override
        public void started(String name, WorkloadSpec spec, long pid, Process process) {
            StringBuilder sb = new StringBuilder(Protocol.MEMBER).append(" pid=").append(pid).append(" name=").append(name)
                    .append(" type=").append(spec.type());
            for (java.util.Map.Entry<String, String> e : spec.params().entrySet()) {
                // internal parameters (a file path, the CPU unit) say nothing to a user and may hold spaces
                if (!e.getKey().startsWith("_") && e.getValue().indexOf(' ') < 0) {
                    sb.append(' ').append(e.getKey()).append('=').append(e.getValue());
                }
            }
            send(sb.toString());
        }

        @Override
        public void hello(long pid, long tid) {
            send(Protocol.MEMBER_TID + " pid=" + pid + " tid=" + tid);
        }

        @Override
        public void ended(long pid, int code, String result, String error, long cpuNanos) {
            String text = code == 0 ? result : error;
            send(Protocol.MEMBER_END + " pid=" + pid + " code=" + code + " cpu=" + cpuNanos
                    + (text != null ? " " + Protocol.oneLine(text) : ""));
        }
    }

    /** Keeps the JVM from finishing its shutdown: what a process that ignores SIGTERM looks like. */
    private static final class Stubborn extends Thread {
        @Override
        public void run() {
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException ignored) {
                    // still stubborn
                }
            }
        }
    }
}
