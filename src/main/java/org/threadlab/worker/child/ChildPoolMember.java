package org.threadlab.worker.child;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.threadlab.work.PoolMember;
import org.threadlab.work.WorkloadSpec;

/** A pool member child JVM, started and spoken to over its pipes. */
public final class ChildPoolMember implements PoolMember {
    private final Process process;
    private final OutputStream toChild;
    private final LineReader fromChild;

    private ChildPoolMember(Process process) {
        this.process = process;
        this.toChild = process.getOutputStream();
        this.fromChild = new LineReader(process.getInputStream());
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public synchronized void send(String line) throws IOException {
        toChild.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        toChild.flush();
    }

    @Override
    public String readLine() throws IOException {
        String line = fromChild.readLine();
        return LineReader.OVERSIZED.equals(line) ? "" : line;
    }

    @Override
    public void close() {
        try {
            toChild.close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Starts members from this JVM (threadlab itself, or a child that runs a process pool). */
    public static final class Starter implements PoolMember.Launcher {
        private final String tagPrefix;

        /** @param tagPrefix the pool's own worker tag; members are tagged PREFIX.NAME */
        public Starter(String tagPrefix) {
            this.tagPrefix = tagPrefix;
        }

        @Override
        public PoolMember start(String name, WorkloadSpec memberTask) throws IOException {
            String why = ChildCommand.unavailableReason();
            if (why != null) {
                throw new IOException(why);
            }
            ProcessBuilder pb = new ProcessBuilder(ChildCommand.build(tagPrefix + "." + name, name, memberTask, 0, false, 0));
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            return new ChildPoolMember(pb.start());
        }
    }
}
