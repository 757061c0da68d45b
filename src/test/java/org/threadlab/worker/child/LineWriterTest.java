package org.threadlab.worker.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lines go out whole, one at a time, flushed, and read back by LineReader as written. */
class LineWriterTest {
    /** Counts flushes and writes byte by byte, so an interleaving of two lines would show. */
    private static final class Slow extends ByteArrayOutputStream {
        int flushes;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
                Thread.yield();
            }
        }

        @Override
        public synchronized void flush() {
            flushes++;
        }
    }

    @Test
    void linesFromManyThreadsNeverInterleaveAndEachIsFlushed() throws Exception {
        Slow out = new Slow();
        LineWriter w = new LineWriter(out);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    w.writeQuietly("done " + id + " " + i + " ünïcode");
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join(30_000);
        }
        assertEquals(200, out.flushes);
        LineReader in = new LineReader(new ByteArrayInputStream(out.toByteArray()));
        Set<String> seen = new HashSet<>();
        String line;
        while ((line = in.readLine()) != null) {
            assertTrue(line.matches("done [0-3] \\d+ ünïcode"), line);
            seen.add(line);
        }
        assertEquals(200, seen.size());
    }

    @Test
    void aPeerThatStoppedListeningIsNotAnErrorQuietly() {
        LineWriter w = new LineWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        });
        assertFalse(w.writeQuietly("stop"));
        assertTrue(new LineWriter(new ByteArrayOutputStream()).writeQuietly("stop"));
    }
}
