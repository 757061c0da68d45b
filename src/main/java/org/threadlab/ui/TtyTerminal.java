package org.threadlab.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * Lanterna's Unix terminal, asking {@code stty size} for the size instead of moving the cursor and
 * waiting for the terminal to report where it ended up: that round trip needs the request flushed
 * (our output is buffered so a frame goes out in one write), is slow over SSH, and moves the cursor.
 */
public final class TtyTerminal extends UnixTerminal {
    private final OutputStream out;

    public TtyTerminal(InputStream in, OutputStream out, Charset charset) throws IOException {
        super(in, out, charset, CtrlCBehaviour.TRAP);
        this.out = out;
    }

    @Override
    protected TerminalSize findTerminalSize() throws IOException {
        try {
            String[] f = runSTTYCommand("size").trim().split("\\s+");
            int rows = Integer.parseInt(f[0]);
            int cols = Integer.parseInt(f[1]);
            if (rows > 0 && cols > 0) {
                return new TerminalSize(cols, rows);
            }
        } catch (IOException | RuntimeException e) {
            // no stty: fall back to asking the terminal
        }
        out.flush();
        return super.findTerminalSize();
    }
}
