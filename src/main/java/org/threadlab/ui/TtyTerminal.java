package org.threadlab.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.EnumSet;

/**
 * Lanterna's Unix terminal, asking {@code stty size} for the size instead of moving the cursor and
 * waiting for the terminal to report where it ended up: that round trip needs the request flushed
 * (our output is buffered so a frame goes out in one write), is slow over SSH, and moves the cursor.
 * Without colour ({@link #plain}) it writes what a VT100 understands: no colour escapes at all (not
 * even "default colour", which Lanterna sends on every refresh), and attributes turned off by a
 * reset ({@code ESC[0m}) and turning the others back on, since a VT100 has no {@code ESC[27m}.
 */
public final class TtyTerminal extends UnixTerminal {
    private final OutputStream out;
    private boolean plain;
    /** The attributes on, while plain: what a reset must turn back on. */
    private final EnumSet<SGR> on = EnumSet.noneOf(SGR.class);

    public TtyTerminal(InputStream in, OutputStream out, Charset charset) throws IOException {
        super(in, out, charset, CtrlCBehaviour.TRAP);
        this.out = out;
    }

    /**
     * Turns xterm's mouse tracking off (ESC[?1000l, the mode Lanterna's click capture turns on, and
     * 1005, the UTF-8 positions it adds with a UTF-8 charset), whether or not it is on: Lanterna does it when it leaves private
     * mode, but a restore after its own shutdown hook left that mode first would not, and a terminal
     * left reporting clicks prints escape sequences into the user's shell at every click.
     */
    public void mouseOff() throws IOException {
        writeToTerminal("\u001b[?1005l\u001b[?1000l".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        flush();
    }

    /** No colour escapes from now on, and only VT100 attributes (bold, underline, blink, reverse). */
    public void plain() {
        plain = true;
    }

    @Override
    public void setForegroundColor(TextColor color) throws IOException {
        if (!plain) {
            super.setForegroundColor(color);
        }
    }

    @Override
    public void setBackgroundColor(TextColor color) throws IOException {
        if (!plain) {
            super.setBackgroundColor(color);
        }
    }

    @Override
    public void enableSGR(SGR sgr) throws IOException {
        if (!plain) {
            super.enableSGR(sgr);
        } else if (vt100(sgr) && on.add(sgr)) {
            super.enableSGR(sgr);
        }
    }

    @Override
    public void disableSGR(SGR sgr) throws IOException {
        if (!plain) {
            super.disableSGR(sgr);
        } else if (on.remove(sgr)) {
            EnumSet<SGR> keep = EnumSet.copyOf(on);
            resetColorAndSGR();
            for (SGR s : keep) {
                enableSGR(s);
            }
        }
    }

    @Override
    public void resetColorAndSGR() throws IOException {
        on.clear();
        super.resetColorAndSGR();
    }

    private static boolean vt100(SGR sgr) {
        return sgr == SGR.BOLD || sgr == SGR.UNDERLINE || sgr == SGR.BLINK || sgr == SGR.REVERSE;
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
