package org.threadlab.worker;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.threadlab.worker.child.ChildCommand;
import org.threadlab.worker.child.ChildMain;
import org.threadlab.worker.child.LineReader;
import org.threadlab.worker.child.LineWriter;
import org.threadlab.worker.child.Protocol;

/**
 * Warm spares ({@code --spares N}): idle child JVMs started ahead of need, each waiting on its stdin
 * for a workload. A process worker whose JVM flags are a spare's takes one and hands it its work
 * over the pipe instead of starting a JVM; a replacement starts at once, in the background, on this
 * pool's own thread, never on the spawn's. Spares are real processes (shown with their PIDs, their
 * memory counted) but never workers: no round, no limit, no row of their own. They halt when their
 * stdin closes, as every child does, so they never outlive threadlab.
 */
public final class SparePool implements AutoCloseable {
    /** The most spares kept: each is a JVM of its own, ~40M of memory on a machine of a class. */
    public static final int MAX = 8;
    /** A spare that has not said it is ready after this long is killed (and counts as a failure). */
    static final long READY_MILLIS = 30_000;
    /** Spares that die one after another before they are ready: then the pool stops starting more. */
    static final int MAX_FAILURES = 3;

    private final int size;
    /** How spares are started now, and its JVM flags: replaced when children's JVM changes (see {@link #take}). */
    private volatile List<String> command;
    private volatile List<String> flags;
    private final java.util.function.Supplier<List<String>> spareCommand;
    private final Consumer<String> warn;
    /** Ready spares, oldest first; guarded by this. */
    private final Deque<Spare> ready = new ArrayDeque<>();
    /** Every spare not yet taken, starting or ready; guarded by this. */
    private final Set<Spare> all = new LinkedHashSet<>();
    private final ExecutorService starter;
    private int failures;
    private boolean closed;

    /** One spare JVM: its process, its pipes, and when it started and became ready. */
    static final class Spare {
        final Process process;
        /** The JVM flags it was started with: only a child that wants exactly these may take it. */
        final List<String> flags;
        final LineReader fromChild;
        final LineWriter toChild;
        final Instant startedAt = Instant.now();
        volatile Instant readyAt;

        Spare(Process process, List<String> flags) {
            this.process = process;
            this.flags = flags;
            this.fromChild = new LineReader(process.getInputStream());
            this.toChild = new LineWriter(process.getOutputStream());
        }

        long pid() {
            return process.pid();
        }
    }

    /** What the screen shows of a spare: a real process, ready or still starting. */
    public record SpareInfo(long pid, boolean ready, Instant startedAt) {}

    /**
     * @param size how many spares to keep, 1 to {@link #MAX}
     * @param warn told once, in a user's words, when spares cannot be kept (they keep dying)
     */
    SparePool(int size, Consumer<String> warn) {
        this(size, warn, () -> ChildCommand.spare("spare"));
    }

    /** @param spareCommand how a spare is started now: asked again when a child wants other JVM flags */
    SparePool(int size, Consumer<String> warn, java.util.function.Supplier<List<String>> spareCommand) {
        if (size < 1 || size > MAX) {
            throw new IllegalArgumentException("spares must be between 1 and " + MAX + ", not " + size);
        }
        this.size = size;
        this.warn = warn;
        this.spareCommand = spareCommand;
        this.command = spareCommand.get();
        this.flags = flags(command);
        this.starter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "threadlab-spares");
            t.setDaemon(true);
            return t;
        });
        starter.execute(SparePool::rehearse);
        refill();
    }

    /**
     * This side of a hand-over, run once on nothing, in the background: the first spawn that takes a
     * spare would otherwise load and initialize the workload registry and the command's classes on
     * the key's path (≈70 ms, measured).
     */
    private static void rehearse() {
        try {
            List<String> cold = ChildCommand.build("0", "sleep-0", org.threadlab.work.Workloads.parse(
                    org.threadlab.work.WorkloadSpec.of("sleep")), 0, false, 0);
            flags(cold);
            workLine(cold);
        } catch (RuntimeException e) {
            // the first hand-over does it itself
        }
    }

    /** The JVM and flags of a child's command: everything before the main class but its worker tag. */
    static List<String> flags(List<String> command) {
        List<String> out = new ArrayList<>();
        for (String word : command.subList(0, command.indexOf(ChildMain.class.getName()))) {
            if (!word.startsWith("-Dthreadlab.worker=")) {
                out.add(word);
            }
        }
        return out;
    }

    /**
     * A ready spare for a child that would be started with {@code coldCommand}, or null: none is ready,
     * or the command's JVM flags (max heap, SIGTERM handling...) are not a spare's, or its work does not
     * fit on one line. Never waits: a replacement is started in the background.
     */
    Spare take(List<String> coldCommand) {
        List<String> want = flags(coldCommand);
        if (!want.equals(flags)) {
            List<String> fresh = spareCommand.get();
            if (flags(fresh).equals(want)) {
                // children's JVM changed since the spares started (their class-data archive was made
                // since, on first use): spares of the old kind would never be taken, so they are replaced
                renew(fresh);
            }
            return null;
        }
        if (workLine(coldCommand).length() > Protocol.MAX_LINE - 1) {
            return null;
        }
        synchronized (this) {
            Spare s;
            while (!closed && (s = ready.pollFirst()) != null) {
                all.remove(s);
                if (!s.flags.equals(want)) {
                    retire(s); // started just before a renewal
                    continue;
                }
                if (s.process.isAlive()) {
                    refill();
                    return s;
                }
            }
        }
        return null;
    }

    /** Spares are started with {@code fresh} from now on; those not taken yet are ended and replaced. */
    private void renew(List<String> fresh) {
        List<Spare> old;
        synchronized (this) {
            command = fresh;
            flags = flags(fresh);
            old = new ArrayList<>(all);
            all.clear();
            ready.clear();
            failures = 0;
        }
        for (Spare s : old) {
            retire(s);
        }
        refill();
    }

    /** Ends a spare that will not be used: stdin closed, it halts (killed too, in case it is stuck starting). */
    private static void retire(Spare s) {
        s.toChild.close();
        s.process.destroyForcibly();
    }

    /** The line that turns a spare into the child {@code coldCommand} would start: its tag and its arguments. */
    static String workLine(List<String> coldCommand) {
        String tag = "";
        for (String word : coldCommand) {
            if (word.startsWith("-Dthreadlab.worker=")) {
                tag = word.substring("-Dthreadlab.worker=".length());
            }
        }
        StringBuilder sb = new StringBuilder(Protocol.WORK).append(' ').append(Protocol.encodeWord(tag));
        List<String> args = coldCommand.subList(coldCommand.indexOf(ChildMain.class.getName()) + 1, coldCommand.size());
        for (String a : args) {
            sb.append(' ').append(Protocol.encodeWord(a));
        }
        return sb.toString();
    }

    /** The spares not yet taken, oldest first. */
    public synchronized List<SpareInfo> spares() {
        List<SpareInfo> out = new ArrayList<>(all.size());
        for (Spare s : all) {
            out.add(new SpareInfo(s.pid(), s.readyAt != null, s.startedAt));
        }
        return out;
    }

    /** How many spares are kept. */
    public int size() {
        return size;
    }

    private void refill() {
        try {
            starter.execute(this::fill);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed: no more spares
        }
    }

    /** On the pool's thread: starts spares, one at a time, until there are enough. */
    private void fill() {
        while (true) {
            synchronized (this) {
                if (closed || all.size() >= size || failures >= MAX_FAILURES) {
                    return;
                }
            }
            if (!startOne()) {
                boolean giveUp;
                synchronized (this) {
                    giveUp = ++failures == MAX_FAILURES && !closed;
                }
                if (giveUp) {
                    // told outside the lock: whoever listens may look at the spares
                    warn.accept("spares: " + MAX_FAILURES + " spare JVMs in a row died before they were ready; "
                            + "no more are started (process workers start cold)");
                }
            }
        }
    }

    /** Starts one spare and waits for its ready line; false when it did not become ready. */
    private boolean startOne() {
        if (ChildCommand.unavailableReason() != null) {
            synchronized (this) {
                failures = MAX_FAILURES - 1; // no java: warned once, never retried
            }
            return false;
        }
        Spare s;
        List<String> cmd = command;
        try {
            s = new Spare(new ProcessBuilder(cmd).start(), flags(cmd));
        } catch (IOException e) {
            return false;
        }
        synchronized (this) {
            if (closed || !s.flags.equals(flags)) {
                // closed, or renewed while it started: not a spare anyone will take
                retire(s);
                return true;
            }
            all.add(s);
        }
        CompletableFuture<Boolean> said = new CompletableFuture<>();
        Thread reader = new Thread(() -> said.complete(readsReady(s)), "threadlab-spare-" + s.pid());
        reader.setDaemon(true);
        reader.start();
        boolean ok;
        try {
            ok = said.get(READY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            ok = false;
        }
        synchronized (this) {
            if (ok && !closed && s.process.isAlive()) {
                s.readyAt = Instant.now();
                ready.addLast(s);
                failures = 0;
                // one that dies while it waits is dropped and replaced
                s.process.onExit().thenRun(() -> lost(s));
                return true;
            }
            all.remove(s);
        }
        s.toChild.close();
        s.process.destroyForcibly();
        return closed();
    }

    private synchronized boolean closed() {
        return closed;
    }

    /** Whether the spare's first line is a ready line of this protocol's version. */
    private static boolean readsReady(Spare s) {
        try {
            String line = s.fromChild.readLine();
            return line != null && Protocol.verb(line).equals(Protocol.SPARE)
                    && Integer.toString(Protocol.VERSION).equals(Protocol.field(line, "v"));
        } catch (IOException e) {
            return false;
        }
    }

    /** A ready spare died before it was taken (killed from outside, say): replaced. */
    private void lost(Spare s) {
        synchronized (this) {
            if (!all.remove(s)) {
                return; // taken: its worker sees its end
            }
            ready.remove(s);
        }
        refill();
    }

    /**
     * Ends every spare not taken: stdin closed (a spare halts at once), SIGKILL for any still alive
     * after {@code graceMillis}. No more spares start after this.
     */
    void close(long graceMillis) {
        List<Spare> left;
        synchronized (this) {
            closed = true;
            left = new ArrayList<>(all);
            all.clear();
            ready.clear();
        }
        starter.shutdownNow();
        for (Spare s : left) {
            s.toChild.close();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        try {
            while (left.stream().anyMatch(s -> s.process.isAlive()) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Spare s : left) {
            s.process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        close(Supervisor.EXIT_CLEANUP_MILLIS);
    }
}
