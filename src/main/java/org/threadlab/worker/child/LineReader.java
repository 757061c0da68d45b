package org.threadlab.worker.child;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines of at most {@link Protocol#MAX_LINE} bytes. A longer line is skipped to its end
 * and reported as {@link #OVERSIZED}, so a misbehaving peer cannot make us buffer without bound.
 */
public final class LineReader {
    /** Returned in place of a line that was too long. */
    public static final String OVERSIZED = "\u0000oversized";

    private final InputStream in;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int len;

    public LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, {@link #OVERSIZED}, or null at end of stream. */
    public String readLine() throws IOException {
        byte[] line = new byte[256];
        int n = 0;
        boolean tooLong = false;
        while (true) {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    if (n == 0 && !tooLong) {
                        return null;
                    }
                    break;
                }
            }
            byte b = buf[pos++];
            if (b == '\n') {
                break;
            }
            if (tooLong) {
                continue;
            }
            if (n == Protocol.MAX_LINE) {
                tooLong = true;
                continue;
            }
            if (n == line.length) {
                byte[] bigger = new byte[Math.min(Protocol.MAX_LINE, line.length * 2)];
                System.arraycopy(line, 0, bigger, 0, n);
                line = bigger;
            }
            line[n++] = b;
        }
        if (tooLong) {
            return OVERSIZED;
        }
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        return new String(line, 0, n, StandardCharsets.UTF_8);
    }
}
