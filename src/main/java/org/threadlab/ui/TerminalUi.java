package org.threadlab.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminal;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.threadlab.model.SnapshotSource;
import org.threadlab.worker.Supervisor;

/**
 * The screen loop. One UI thread owns the state: it waits on an inbox that keys (from the input
 * thread), new snapshots, resizes and finished background work all post to, handles everything
 * queued, then draws one frame. So a key is drawn as soon as it is handled, not at the next tick.
 */
public final class TerminalUi {
    /** Brackets each frame, so terminals that know synchronized output (mode 2026) show it at once. */
    public interface FrameSync {
        FrameSync NONE = new FrameSync() {
            @Override
            public void begin() {}

            @Override
            public void end() {}
        };

        void begin() throws IOException;

        void end() throws IOException;

        /** ESC[?2026h before and ESC[?2026l after, on the stream the terminal writes to (so in order). */
        static FrameSync escapes(OutputStream out) {
            return new FrameSync() {
                @Override
                public void begin() throws IOException {
                    out.write("\u001b[?2026h".getBytes(StandardCharsets.US_ASCII));
                }

                @Override
                public void end() throws IOException {
                    out.write("\u001b[?2026l".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            };
        }
    }

    private final TerminalScreen screen;
    private final SnapshotSource source;
    private final Theme theme;
    private final FrameSync sync;
    private final UiState state;
    private final Controller controller;
    private final BlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final Object drawLock = new Object();
    private volatile boolean stopped;
    private int renderFailures;

    public TerminalUi(TerminalScreen screen, Supervisor supervisor, SnapshotSource source, UiOptions options,
                      FrameSync sync, Executor actions) {
        this.screen = screen;
        this.source = source;
        this.theme = Theme.of(options);
        if (!options.color() && screen.getTerminal() instanceof TtyTerminal tty) {
            // the theme then asks for no colour; this keeps Lanterna's own "default colour" escapes off the wire too
            tty.plain();
        }
        this.sync = sync;
        this.state = new UiState(source.interval());
        this.controller = new Controller(supervisor, source, state, actions, this::post, screen::getTerminalSize);
        if (options.gil()) {
            supervisor.setGil(true);
        }
    }

    UiState state() {
        return state;
    }

    void post(Runnable r) {
        inbox.add(r);
    }

    /** Handles one key now, on the calling thread (the UI thread, or a test). */
    void key(KeyStroke k) {
        controller.key(k);
        // a spawn, kill or clear shows in this very frame: wait (bounded) until the model has it
        source.awaitCurrent();
    }

    /** Runs every queued callback; returns how many. */
    int drain() {
        int n = 0;
        Runnable r;
        while ((r = inbox.poll()) != null) {
            safely(r);
            n++;
        }
        return n;
    }

    /**
     * Shows the screen until the user quits; restores the terminal on the way out, whatever happens,
     * and from a shutdown hook on SIGTERM/SIGHUP.
     */
    public void run() throws IOException {
        Thread restore = new Thread(this::restore, "threadlab-ui-restore");
        Runtime.getRuntime().addShutdownHook(restore);
        try {
            screen.startScreen();
            screen.setCursorPosition(null);
            source.onSnapshot(s -> post(() -> { }));
            screen.getTerminal().addResizeListener((t, size) -> post(() -> { }));
            Thread input = new Thread(this::readKeys, "threadlab-ui-input");
            input.setDaemon(true);
            input.start();
            render();
            while (!state.exit) {
                Runnable r = inbox.poll(state.ticking() ? 100 : 1000, TimeUnit.MILLISECONDS);
                if (r != null) {
                    safely(r);
                    drain();
                }
                render();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            controller.close();
            restore();
            try {
                Runtime.getRuntime().removeShutdownHook(restore);
            } catch (IllegalStateException ignored) {
                // the JVM is already exiting: the hook runs (harmlessly) anyway
            }
        }
    }

    private void readKeys() {
        // Lanterna's virtual terminal waits for input while holding its own lock, which would stop
        // every frame from drawing; it is polled instead. A real terminal is read blocking.
        boolean poll = screen.getTerminal() instanceof VirtualTerminal;
        try {
            while (!stopped) {
                KeyStroke k = poll ? screen.pollInput() : screen.readInput();
                if (k == null && poll) {
                    Thread.sleep(10);
                }
                if (k != null) {
                    post(() -> key(k));
                    if (k.getKeyType() == KeyType.EOF) {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (!stopped) {
                post(() -> state.status("cannot read the keyboard: " + e.getMessage(), true));
            }
        }
    }

    /** Draws one frame: DELTA sends only changed cells; only right after a resize, when what the terminal shows is unknown, COMPLETE. */
    void render() throws IOException {
        synchronized (drawLock) {
            if (stopped) {
                return;
            }
            TerminalSize resized = screen.doResizeIfNecessary();
            try {
                Renderer.draw(screen.newTextGraphics(), theme, controller.shown(), state, System.nanoTime());
                renderFailures = 0;
            } catch (RuntimeException e) {
                state.status("display error: " + e, true);
                if (++renderFailures > 3) {
                    throw e;
                }
                return;
            }
            sync.begin();
            screen.refresh(resized != null ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
            sync.end();
        }
    }

    private void restore() {
        synchronized (drawLock) {
            if (stopped) {
                return;
            }
            stopped = true;
            try {
                screen.stopScreen();
            } catch (IOException | RuntimeException ignored) {
                // on SIGTERM Lanterna's own shutdown hook may have left private mode first: stopScreen
                // then throws, and the cursor must still be shown below
            }
            try {
                // stopScreen leaves the cursor hidden: show it, or the user's shell has none
                screen.getTerminal().setCursorVisible(true);
                screen.getTerminal().flush();
            } catch (IOException | RuntimeException ignored) {
                // nothing more can be done for a terminal that is gone
            }
        }
    }

    private void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            state.status("error: " + e, true);
        }
    }
}
