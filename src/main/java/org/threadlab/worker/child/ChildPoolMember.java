package org.threadlab.worker.child;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.threadlab.work.PoolMember;
import org.threadlab.work.TypedSpec;
import org.threadlab.work.WorkloadSpec;

/**
 * A child JVM that another worker started and speaks to over its pipes: a pool member or a
 * queue's consumer. Its life (started, its work thread's id, how it ended) goes to an
 * {@link Observer}, so whoever owns threadlab's workers can show it as a process of its own.
 */
public final class ChildPoolMember implements PoolMember {
    private final Process process;
    private final LineWriter toChild;
    private final LineReader fromChild;
    private final Observer observer;
    private volatile String result;
    private volatile String error;
    private volatile long cpuNanos = -1;
    private volatile boolean eof;
    /** Counted down when its output has been read to the end: everything it sent is known. */
    private final java.util.concurrent.CountDownLatch drained = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicBoolean reported = new java.util.concurrent.atomic.AtomicBoolean();

    /** Told about a member's life. Called on the threads that read its pipe and reap it. */
    public interface Observer {
        /** The member was started as {@code pid}; {@code process} is null when it is not this JVM's child. */
        void started(String name, WorkloadSpec spec, long pid, Process process);

        /** Its work thread's native id, from its hello line. */
        void hello(long pid, long tid);

        /**
         * It exited with {@code code}, after sending {@code result} or {@code error} (either may be
         * null) and its CPU time ({@code cpuNanos}, -1 when it sent none).
         */
        void ended(long pid, int code, String result, String error, long cpuNanos);

        /** Nobody is told: a member nobody shows. */
        Observer NONE = new Observer() {
            @Override
            public void started(String name, WorkloadSpec spec, long pid, Process process) {
            }

            @Override
            public void hello(long pid, long tid) {
            }

            @Override
            public void ended(long pid, int code, String result, String error, long cpuNanos) {
            }
        };
    }

    private ChildPoolMember(Process process, Observer observer) {
        this.process = process;
        this.observer = observer;
        this.toChild = new LineWriter(process.getOutputStream());
        this.fromChild = new LineReader(process.getInputStream());
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public void send(String line) throws IOException {
        toChild.write(line);
    }

    /**
     * The next line from the member; null once it has exited, and then (once) its end is reported,
     * after every line it sent has been read.
     */
    @Override
    public String readLine() throws IOException {
        String line;
        try {
            line = fromChild.readLine();
        } catch (IOException e) {
            reportEnd();
            throw e;
        }
        if (line == null) {
            reportEnd();
            return null;
        }
        if (LineReader.OVERSIZED.equals(line)) {
            return "";
        }
        try {
            switch (Protocol.verb(line)) {
                case Protocol.HELLO -> observer.hello(process.pid(), Long.parseLong(Protocol.field(line, "tid")));
                case Protocol.RESULT -> result = Protocol.rest(line);
                case Protocol.ERROR -> error = Protocol.rest(line);
                case Protocol.CPU -> cpuNanos = Long.parseLong(Protocol.rest(line));
                default -> { }
            }
        } catch (RuntimeException e) {
            // a malformed hello: the line is still handed on, the tid stays unknown
        }
        return line;
    }

    /** At the end of its output: its end is reported once it has been reaped (the JDK reaps it). */
    private void reportEnd() {
        synchronized (this) {
            if (eof) {
                return;
            }
            eof = true;
        }
        drained.countDown();
        process.onExit().thenRun(this::reportOnce);
    }

    /** Reports the end once, whoever gets here first: the reaping above, or {@link #close()}. */
    private void reportOnce() {
        if (!process.isAlive() && reported.compareAndSet(false, true)) {
            observer.ended(process.pid(), process.exitValue(), result, error, cpuNanos);
        }
    }

    /**
     * Ends the member: "stop" first, so an idle member finishes cleanly ("served N tasks"); then its
     * stdin closes (it halts at once); SIGKILL if even that does not end it.
     */
    @Override
    public void close() {
        try {
            send(Protocol.STOP);
        } catch (IOException ignored) {
            // gone already
        }
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                closeInput();
                if (!process.waitFor(1, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(1, TimeUnit.SECONDS);
                }
            }
            // told before close returns, so an owner that exits right after has reported its members' ends
            // (its reader may still be at its last lines: they hold the result)
            drained.await(1, TimeUnit.SECONDS);
            reportOnce();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            closeInput();
        }
    }

    private void closeInput() {
        toChild.close();
    }

    /** Starts members from this JVM (threadlab itself, or a child that runs a process pool). */
    public static final class Starter implements PoolMember.Launcher {
        private final String tagPrefix;
        private final Observer observer;

        /** @param tagPrefix the pool's own worker tag; members are tagged PREFIX.NAME */
        public Starter(String tagPrefix) {
            this(tagPrefix, Observer.NONE);
        }

        public Starter(String tagPrefix, Observer observer) {
            this.tagPrefix = tagPrefix;
            this.observer = observer;
        }

        @Override
        public PoolMember start(String name, TypedSpec memberTask) throws IOException {
            String why = ChildCommand.unavailableReason();
            if (why != null) {
                throw new IOException(why);
            }
            ProcessBuilder pb = new ProcessBuilder(ChildCommand.build(tagPrefix + "." + name, name, memberTask, 0, false, 0));
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            observer.started(name, memberTask.text(), p.pid(), p);
            return new ChildPoolMember(p, observer);
        }
    }
}
