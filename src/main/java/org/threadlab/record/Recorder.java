package org.threadlab.record;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.threadlab.model.Snapshot;
import org.threadlab.model.SnapshotSource;

/**
 * Writes a session's models and events to a JSON Lines file on a thread of its own. The thread that
 * builds the models only offers each one to a bounded queue: when the writer falls behind, a model
 * is dropped and counted, never waited for. Past {@code maxBytes} the file is rotated: it is ended,
 * renamed FILE.1 (replacing an older one) and a new FILE begins with a header of its own, so at most
 * about twice the limit is on disk and each file replays alone. Closed (its end line written) by
 * {@link #close()}, or by a shutdown hook on SIGTERM or Ctrl-C; a crash leaves at most a partial last line.
 */
public final class Recorder implements AutoCloseable {
    /** Models waiting to be written: a minute and more at the fastest interval (100 ms). */
    static final int QUEUE = 1024;
    /** How long close() waits for the queue to be written before it gives up on the rest. */
    private static final long CLOSE_WAIT_MILLIS = 5_000;
    private static final Snapshot END = new Snapshot(0, Instant.EPOCH, Duration.ZERO, 0, null,
            java.util.List.of(), java.util.List.of(), null, java.util.List.of());

    private final Path file;
    private final long maxBytes;
    private final String command;
    private final Duration interval;
    private final Instant start;
    private final BlockingQueue<Snapshot> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private final Thread hook;
    private volatile boolean closed;
    private volatile String failure;

    // the writer thread's own
    private OutputStream out;
    private Encoder encoder;
    private long bytes;
    private long models;
    private long modelsInFile;
    /** Models flushed to the file: what a recording that failed kept (the rest were in the buffer). */
    private volatile long flushed;
    private long rotations;
    /** Models in FILE.1 (the part before the last rotation): the ones before it were replaced. */
    private long modelsInOlder;
    private Snapshot last;

    /**
     * Opens (creates or truncates) {@code file} and starts the writer. IOException when it cannot be
     * written: the caller says so before the session starts, not after it.
     */
    public Recorder(Path file, long maxBytes, String command, Duration interval) throws IOException {
        this(file, maxBytes, command, interval, QUEUE);
    }

    Recorder(Path file, long maxBytes, String command, Duration interval, int queueSize) throws IOException {
        if (maxBytes < 64 * 1024) {
            throw new IllegalArgumentException("--record-max must be at least 64KiB");
        }
        this.file = file;
        this.maxBytes = maxBytes;
        this.command = command;
        this.interval = interval;
        this.start = Clock.systemUTC().instant();
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.out = open(file);
        this.writer = new Thread(this::write, "threadlab-recorder");
        writer.setDaemon(true);
        writer.start();
        this.hook = new Thread(this::close, "threadlab-recorder-close");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Records every model {@code source} publishes from now on, starting with its latest. Several
     * sources may be followed one after another (compare's runs each have their own); one that is
     * closed publishes no more.
     */
    public void follow(SnapshotSource source) {
        source.onSnapshot(this::accept);
        Snapshot first = source.latest();
        if (first != null) {
            accept(first);
        }
    }

    /**
     * Creates or empties {@code file}, locked for this recorder: a second threadlab recording to the
     * same file would interleave its lines with ours into a file neither can replay. The lock is taken
     * before the file is emptied, so the session that has it loses nothing; closing the stream frees it.
     */
    private static OutputStream open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            boolean mine;
            try {
                mine = ch.tryLock() != null;
            } catch (OverlappingFileLockException e) {
                // this JVM holds it already: another recorder of ours writes it
                mine = false;
            } catch (IOException e) {
                // a device or a pipe (/dev/full, /dev/stdout) may not be locked: nothing can share it as a recording anyway
                mine = true;
            }
            if (!mine) {
                throw new FileSystemException(file.toString(), null, "another threadlab is recording to it");
            }
            if (ch.size() > 0) {
                ch.truncate(0);
            }
            return new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Called on the thread that builds the models: never blocks. */
    public void accept(Snapshot s) {
        if (closed) {
            // after the end (the screen's source outlives its recorder by a tick or two): nothing is being
            // recorded, so nothing is dropped for a writer that fell behind
            return;
        }
        if (failure != null) {
            // said now, not only at the end: the model hub shows a failing listener once, in the events, so a
            // class sees that the recording stopped (a full disk) while the session goes on
            throw new IllegalStateException("recording to " + file + " stopped: " + failure);
        }
        if (!queue.offer(s)) {
            dropped.incrementAndGet();
        }
    }

    private void write() {
        try {
            while (true) {
                Snapshot s = queue.take();
                if (s == END) {
                    break;
                }
                model(s);
                if (queue.isEmpty()) {
                    // a line is on disk within a tick: what a kill -9 loses is at most the line being written
                    out.flush();
                    flushed = models;
                }
            }
            finish(null);
        } catch (IOException | RuntimeException e) {
            failure = e.getMessage() != null ? e.getMessage() : e.toString();
            try {
                out.close();
            } catch (IOException ignored) {
                // the failure above is what is reported
            }
        } catch (InterruptedException e) {
            // close() gave up waiting: what is on disk stays, without an end line (read as "cut short")
            try {
                out.close();
            } catch (IOException ignored) {
                // nothing more to save
            }
        }
    }

    private void model(Snapshot s) throws IOException {
        // the same model offered twice (the latest, taken when following a source, then from its listener) is written once;
        // and when the listener's newer model got in first, the older latest comes after it: a replay's time never goes back
        if (s == last || last != null && s.takenAt().isBefore(last.takenAt())) {
            return;
        }
        if (encoder == null) {
            header(s);
        }
        byte[] lines = encoder.model(s);
        if (bytes + lines.length > maxBytes && modelsInFile > 0) {
            rotate(s);
            lines = encoder.model(s);
        }
        out.write(lines);
        bytes += lines.length;
        models++;
        modelsInFile++;
        last = s;
    }

    private void header(Snapshot first) throws IOException {
        encoder = new Encoder();
        String host = first != null && first.host() != null ? first.host().hostName() : null;
        int cores = first != null && first.host() != null ? first.host().cores().size() : Runtime.getRuntime().availableProcessors();
        // the session's start in the first file; a later part starts with its first model
        Instant at = first == null || rotations == 0 ? start : first.takenAt();
        byte[] h = encoder.header(new Header(Format.VERSION, Format.threadlabVersion(), host, cores, at, command,
                first != null ? first.interval() : interval));
        out.write(h);
        bytes += h.length;
    }

    private void rotate(Snapshot next) throws IOException {
        Path older = file.resolveSibling(file.getFileName() + ".1");
        finish(file.getFileName().toString());
        Files.move(file, older, StandardCopyOption.REPLACE_EXISTING);
        rotations++;
        modelsInOlder = modelsInFile;
        out = open(file);
        bytes = 0;
        modelsInFile = 0;
        header(next);
    }

    /** The end line: how many models, how many were dropped; {@code continued} names the file the session goes on in. */
    private void finish(String continued) throws IOException {
        if (encoder == null) {
            header(null);
        }
        // the name only: the two files are side by side, wherever they are moved together
        byte[] end = encoder.end(Clock.systemUTC().instant(), modelsInFile, dropped.get(), continued);
        out.write(end);
        bytes += end.length;
        out.close();
        flushed = models;
    }

    /** Writes what is queued and the end line, then closes the file; waits at most a few seconds. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        // the queue may be full: the end marker must get in, so what does not fit in time is given up
        try {
            if (!queue.offer(END, CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS) && failure == null) {
                failure = "the writer did not keep up; the recording stops where it was";
                writer.interrupt();
            }
            writer.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // the JVM is exiting: the hook runs, finds it closed and returns
            }
        }
    }

    /** One line for the end of the session: where the recording is, how much, and what was dropped. */
    public String summary() {
        if (failure != null) {
            // what could not be written was lost to the failure, not dropped for a slow writer: say what the file holds
            long kept = flushed;
            return "recording to " + file + " failed after " + kept + " model" + (kept == 1 ? "" : "s") + ": " + failure;
        }
        String what = "recorded " + models + " model" + (models == 1 ? "" : "s") + " to " + file
                + (rotations > 0 ? " (the earlier part in " + file.getFileName() + ".1, rotated at " + org.threadlab.text.Sizes.compact(maxBytes)
                + replaced() + ")" : "");
        long d = dropped.get();
        if (d > 0) {
            what += "; " + d + " model" + (d == 1 ? " was" : "s were") + " dropped (the writer fell behind)";
        }
        return what;
    }

    /** After a second rotation the oldest part is gone: say how much, so "recorded N models" does not promise them. */
    private String replaced() {
        long gone = models - modelsInFile - modelsInOlder;
        return gone <= 0 ? "" : "; the first " + gone + " model" + (gone == 1 ? " was" : "s were") + " replaced by later ones";
    }

    public long dropped() {
        return dropped.get();
    }
}
