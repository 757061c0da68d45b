package org.threadlab.worker.child;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes protocol lines, the counterpart of {@link LineReader}: UTF-8, each ended by '\n' and
 * flushed at once (the peer acts on each line as it comes), one writer at a time so two threads'
 * lines never interleave. Used by both ends of every pipe: parent to child, child to parent, and a
 * pool to its members.
 */
public final class LineWriter {
    private final OutputStream out;

    public LineWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes one line and flushes it. */
    public synchronized void write(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Writes one line; a peer that stopped listening is not an error here (its end is seen where its
     * output is read). Returns whether the line went out.
     */
    public boolean writeQuietly(String line) {
        try {
            write(line);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Closes the pipe: the peer reads end of input. */
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // gone already
        }
    }
}
