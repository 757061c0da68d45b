package org.threadlab.record;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.threadlab.model.Snapshot;
import org.threadlab.worker.Event;

/**
 * Reads a recording whole, refusing in one line ({@code FILE:LINE: what is wrong}) a file that is
 * not one, is corrupt, or is of a format version this threadlab cannot read. The one exception is
 * an unfinished last line (threadlab stopped mid-write): it is skipped, with a note.
 */
public final class RecordingReader {
    /**
     * The longest line read: a model of a thousand workers is a few megabytes. A longer "line" is not
     * a recording (/dev/zero, a binary file without newlines), refused before it fills the memory.
     */
    static final int MAX_LINE = 64 << 20;

    private RecordingReader() {}

    public static Recording read(Path file) throws BadRecording {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new BadRecording(name + ": is a directory, not a recording");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(name, in);
        } catch (NoSuchFileException e) {
            throw new BadRecording(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new BadRecording(name + ": cannot be read (permission denied)");
        } catch (IOException e) {
            throw new BadRecording(name + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** {@code name} is what messages call the file. */
    public static Recording read(String name, InputStream in) throws IOException, BadRecording {
        Lines lines = new Lines(in);
        Decoder decoder = new Decoder();
        List<byte[]> models = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<Decoder.State> states = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        List<Integer> newEvents = new ArrayList<>();
        // compare's runs number their workers from 1 again: a worker is its id and when it started
        java.util.Map<Integer, Set<Instant>> workers = new java.util.HashMap<>();
        Set<Event> shown = Set.of();
        List<String> notes = new ArrayList<>();
        Header header = null;
        boolean newerMinor = false;
        boolean ended = false;
        int n = 0;
        while (true) {
            try {
                if (!lines.next()) {
                    break;
                }
            } catch (LineTooLong e) {
                throw new BadRecording(name + ":" + (n + 1) + ": a line longer than " + org.threadlab.text.Sizes.compact(MAX_LINE)
                        + ": " + (header == null ? "not a threadlab recording" : "the file is damaged"));
            }
            n++;
            if (!lines.terminated) {
                // the writer ends every line with a newline: one without it was being written when threadlab stopped
                notes.add(name + ":" + n + ": the last line is unfinished (threadlab stopped while writing it): skipped");
                break;
            }
            Tree.Obj o;
            String type;
            try {
                o = Tree.parse(lines.buf, lines.length);
                type = o.string("type");
            } catch (IllegalArgumentException e) {
                throw new BadRecording(name + ":" + n + ": " + (header == null ? "not a threadlab recording (" + e.getMessage() + ")" : e.getMessage()));
            }
            if (header == null) {
                if (!"header".equals(type) || !Format.NAME.equals(o.fields().get("format"))) {
                    throw new BadRecording(name + ":" + n + ": not a threadlab recording (its first line must be the header, "
                            + "{\"type\":\"header\",\"format\":\"" + Format.NAME + "\",...})");
                }
                try {
                    header = Decoder.header(o);
                } catch (IllegalArgumentException e) {
                    throw new BadRecording(name + ":" + n + ": header: " + e.getMessage());
                }
                String refused = Format.refusal(header.version());
                if (refused != null) {
                    throw new BadRecording(name + ": recording " + refused);
                }
                newerMinor = minor(header.version()) > Format.MINOR;
                continue;
            }
            if (ended) {
                throw new BadRecording(name + ":" + n + ": a line after the end line");
            }
            try {
                switch (type == null ? "" : type) {
                    case "event" -> decoder.event(o);
                    case "model" -> {
                        // every model is decoded now, so that a bad one is refused before the replay starts; then only its line is kept
                        if (models.size() % LazyModels.EVERY == 0) {
                            states.add(decoder.state());
                        }
                        Snapshot s = decoder.model(o);
                        Set<Event> now = new HashSet<>(s.events());
                        if (!models.isEmpty() && !shown.containsAll(now)) {
                            newEvents.add(models.size());
                        }
                        shown = now;
                        for (org.threadlab.model.WorkerSample w : s.workers()) {
                            Set<Instant> starts = workers.computeIfAbsent(w.info().id(), id -> new HashSet<>());
                            if (w.info().startedAt() != null) {
                                starts.add(w.info().startedAt());
                            }
                        }
                        times.add(s.takenAt());
                        models.add(Arrays.copyOf(lines.buf, lines.length));
                        lineNumbers.add(n);
                    }
                    case "end" -> {
                        ended = true;
                        long dropped = o.integer("dropped");
                        if (dropped > 0) {
                            notes.add(dropped + " model" + (dropped == 1 ? " was" : "s were") + " not recorded (the writer fell behind)");
                        }
                        String continued = o.string("continued");
                        if (continued != null) {
                            notes.add("the session goes on in " + continued + " (the recording passed its size limit)");
                        }
                    }
                    default -> {
                        // a newer minor version may add kinds of line: what this reader does not know it skips
                        if (!newerMinor) {
                            throw new IllegalArgumentException("type: " + (type == null ? "missing" : "unknown line type '" + type + "'"));
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new BadRecording(name + ":" + n + ": " + e.getMessage());
            }
        }
        if (header == null) {
            throw new BadRecording(name + ":1: empty: not a threadlab recording (no header)");
        }
        if (!ended) {
            notes.add("no end line: the session was cut short (threadlab was killed or crashed)");
        }
        if (newerMinor) {
            notes.add("written by a newer threadlab (format " + header.version() + "): what this one does not know was skipped");
        }
        LazyModels lazy = new LazyModels(name, decoder, models, lineNumbers.stream().mapToInt(Integer::intValue).toArray(), states);
        int workerCount = workers.values().stream().mapToInt(starts -> Math.max(1, starts.size())).sum();
        return new Recording(header, lazy, times, newEvents, workerCount, decoder.events(), notes);
    }

    private static int minor(String version) {
        int dot = version.indexOf('.');
        try {
            return dot < 0 ? 0 : Integer.parseInt(version.substring(dot + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A line past {@link #MAX_LINE}: what is read so far is given up. */
    private static final class LineTooLong extends IOException {
        LineTooLong() {
            super("a line longer than " + MAX_LINE + " bytes");
        }
    }

    /** Lines as bytes (the JSON parser reads UTF-8 itself), and whether each ended with a newline. */
    private static final class Lines {
        private final InputStream in;
        private final byte[] chunk = new byte[1 << 16];
        private int pos;
        private int limit;
        byte[] buf = new byte[1 << 14];
        int length;
        boolean terminated;

        Lines(InputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            length = 0;
            while (true) {
                if (pos == limit) {
                    limit = in.read(chunk);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        terminated = false;
                        return length > 0;
                    }
                }
                int start = pos;
                while (pos < limit && chunk[pos] != '\n') {
                    pos++;
                }
                append(start, pos - start);
                if (pos < limit) {
                    pos++;
                    terminated = true;
                    return true;
                }
            }
        }

        private void append(int from, int n) throws LineTooLong {
            if (length + n > MAX_LINE) {
                throw new LineTooLong();
            }
            if (length + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + n));
            }
            System.arraycopy(chunk, from, buf, length, n);
            length += n;
        }
    }
}
