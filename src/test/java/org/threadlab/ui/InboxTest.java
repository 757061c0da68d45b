package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The UI thread's inbox holds typed events, and the loop does what their reactions ask. */
class InboxTest {
    private TerminalUi ui;

    @BeforeEach
    void start() throws IOException {
        ui = new TerminalUi(Fixtures.screen(Fixtures.terminal(100, 30)), new ReplayCommands(), Fixtures.source(Fixtures.snapshot()),
                new UiOptions(Duration.ofSeconds(1), false, false, true), TerminalUi.FrameSync.NONE, Runnable::run, List.of());
    }

    @Test
    void eachEventAsksForWhatItChanged() {
        assertEquals(Reaction.NONE, ui.drain(), "nothing queued, nothing to do");
        ui.post(new UiEvent.KeyPressed(new KeyStroke('s', false, false)));
        assertEquals(Reaction.REDRAW, ui.drain());
        assertEquals(SortKey.NAME, ui.state().sort);
        ui.post(new UiEvent.KeyPressed(new KeyStroke('%', false, false)));
        assertEquals(Reaction.NONE, ui.drain(), "an unbound key: no frame needed");
        ui.post(new UiEvent.Resized(new TerminalSize(120, 40)));
        assertEquals(Reaction.REDRAW, ui.drain());
        ui.post(new UiEvent.NewModel(Fixtures.snapshot()));
        assertEquals(Reaction.REDRAW, ui.drain());
    }

    /** Commands that act, whose {@code method} throws {@code t} (as Thread.start does when the OS has no thread left). */
    private WorkerCommands throwing(String method, Throwable t) {
        return (WorkerCommands) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WorkerCommands.class}, (proxy, m, args) -> {
                    if (m.getName().equals(method)) {
                        throw t;
                    }
                    return switch (m.getName()) {
                        case "acts" -> true;
                        case "workers" -> List.of();
                        case "worker" -> java.util.Optional.empty();
                        default -> m.getReturnType() == boolean.class ? false : null;
                    };
                });
    }

    @Test
    void aSpawnThatThrowsOnTheActionsThreadIsSaidOnTheStatusLine() throws Exception {
        WorkerCommands failing = throwing("spawn", new OutOfMemoryError("unable to create native thread: possibly out of memory"));
        java.util.concurrent.ExecutorService actions = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            TerminalUi live = new TerminalUi(Fixtures.screen(Fixtures.terminal(100, 30)), failing, Fixtures.source(Fixtures.snapshot()),
                    new UiOptions(Duration.ofSeconds(1), false, false, true), TerminalUi.FrameSync.NONE, actions, List.of());
            live.post(new UiEvent.KeyPressed(new KeyStroke('t', false, false)));
            live.drain();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (live.state().status.startsWith("starting") && System.nanoTime() < deadline) {
                Thread.sleep(20);
                live.drain();
            }
            assertEquals("could not start thread: unable to create native thread: possibly out of memory", live.state().status);
            assertTrue(live.state().statusError);
        } finally {
            actions.shutdownNow();
        }
    }

    @Test
    void quitEndsTheLoopEvenWhenTheShutdownThrowsAnError() throws Exception {
        WorkerCommands failing = throwing("shutdown", new OutOfMemoryError("Java heap space"));
        TerminalUi live = new TerminalUi(Fixtures.screen(Fixtures.terminal(100, 30)), failing, Fixtures.source(Fixtures.snapshot()),
                new UiOptions(Duration.ofSeconds(1), false, false, true), TerminalUi.FrameSync.NONE, Runnable::run, List.of());
        live.post(new UiEvent.KeyPressed(new KeyStroke('q', false, false)));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!live.state().exit && System.nanoTime() < deadline) {
            live.drain();
            Thread.sleep(20);
        }
        assertTrue(live.state().exit, "the screen ends: " + live.state().stopping);
    }

    @Test
    void aFinishedCommandAppliesItsResultOnTheUiThread() {
        ui.post(new UiEvent.Finished("join", s -> s.status("joined x", false), Reaction.REDRAW));
        ui.post(new UiEvent.Finished("spawn", s -> s.status("started 2 threads", false), Reaction.REBUILD));
        assertEquals(Reaction.REBUILD, ui.drain(), "the strongest reaction of the batch");
        assertEquals("started 2 threads", ui.state().status, "applied in order");
        ui.post(new UiEvent.Finished("quit", s -> { }, Reaction.EXIT));
        assertEquals(Reaction.EXIT, ui.drain());
        assertTrue(ui.state().exit, "EXIT ends the loop");
    }

    @Test
    void theKeyboardGoneIsAQuitAndAReadErrorIsSaid() throws InterruptedException {
        ui.post(new UiEvent.InputFailed("stream closed"));
        ui.drain();
        assertEquals("cannot read the keyboard: stream closed", ui.state().status);
        assertTrue(ui.state().statusError);
        ui.post(new UiEvent.KeyPressed(new KeyStroke('?', false, false)));
        ui.post(new UiEvent.InputEnded());
        ui.drain();
        assertEquals(UiState.Overlay.NONE, ui.state().overlay, "no one can close the help now: it is not in the way");
        // quitting a replay waits for no one: the quit thread reports back at once
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!ui.state().exit) {
            assertFalse(System.nanoTime() > deadline, "the end of input did not quit");
            ui.drain();
            Thread.sleep(10);
        }
    }
}
