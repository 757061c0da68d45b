package org.threadlab.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ExtendedTerminal;
import com.googlecode.lanterna.terminal.MouseCaptureMode;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminal;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.threadlab.lesson.Action;
import org.threadlab.lesson.LessonRunner;
import org.threadlab.lesson.LessonView;
import org.threadlab.model.Round;
import org.threadlab.model.Snapshot;
import org.threadlab.model.SnapshotSource;
import org.threadlab.model.WorkerSample;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerKind;

/**
 * The screen loop. One UI thread owns the state: it waits on an inbox of typed events (keys from the
 * input thread, new models, resizes, background commands finished), handles everything queued, and
 * does what their reactions ask: rebuild the model, draw one frame, or leave. So a key is drawn as
 * soon as it is handled, not at the next tick.
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
    /** Capture the mouse while the screen shows ({@link UiOptions#mouse}). */
    private final boolean mouse;
    private final UiState state;
    private final Controller controller;
    private final BlockingQueue<UiEvent> inbox = new LinkedBlockingQueue<>();
    private final Object drawLock = new Object();
    private volatile boolean stopped;
    private int renderFailures;
    /** A replay's position (see {@link #showing}), shown in the header in place of the interval; null live. */
    private Supplier<String> position;
    /** The lesson on show, or null; and the last of its show requests the screen acted on. */
    private final LessonRunner lesson;
    private long lessonShown;
    /** The least time between two frames drawn for new timelines alone: the screen's frame pacing (as a round's timer ticks). */
    static final long FRAME_NANOS = 100_000_000L;
    /** Set by the source's thread when a timeline comes, cleared by the UI thread when it takes it: one event in the inbox at most. */
    private final java.util.concurrent.atomic.AtomicBoolean timelinePosted = new java.util.concurrent.atomic.AtomicBoolean();
    /** A timeline came but its frame waits for the pacing; and when the last frame was drawn. */
    private boolean timelinePending;
    /** The TIDs whose switch counts were last asked of the source ({@link #askSwitches}); null before the first frame. */
    private java.util.Set<Long> switchesAsked;
    private long lastFrameNanos;
    /** The first frame is always written (the terminal was just cleared); see {@link #framesDrawn}. */
    private boolean firstFrame = true;
    private volatile long framesDrawn;
    private volatile long framesWritten;

    /** The live screen: its keys command the supervisor's workers. */
    public TerminalUi(TerminalScreen screen, Supervisor supervisor, SnapshotSource source, UiOptions options,
                      FrameSync sync, Executor actions) {
        this(screen, new SupervisorCommands(supervisor), source, options, sync, actions, List.of(), null);
    }

    /**
     * The live screen with a lesson: its narration pane, and its keys (Space/n, b, r, a) before the live
     * ones, which all still act. {@link #run} starts the lesson and stops it when the screen quits.
     */
    public TerminalUi(TerminalScreen screen, Supervisor supervisor, SnapshotSource source, UiOptions options,
                      FrameSync sync, Executor actions, LessonRunner lesson) {
        this(screen, new SupervisorCommands(supervisor), source, options, sync, actions, List.of(LessonKeys.group(lesson)), lesson);
    }

    /**
     * The screen on any source and commands: a replay passes its {@link ReplayCommands} and its own
     * key groups, which come before the live keys (a key both bind is the replay's) and are listed
     * in the help first.
     */
    public TerminalUi(TerminalScreen screen, WorkerCommands workers, SnapshotSource source, UiOptions options,
                      FrameSync sync, Executor actions, List<KeyMap.Group> extraKeys) {
        this(screen, workers, source, options, sync, actions, extraKeys, null);
    }

    private TerminalUi(TerminalScreen screen, WorkerCommands workers, SnapshotSource source, UiOptions options,
                       FrameSync sync, Executor actions, List<KeyMap.Group> extraKeys, LessonRunner lesson) {
        this.screen = screen;
        this.lesson = lesson;
        this.source = source;
        this.theme = Theme.of(options);
        if (!options.color() && screen.getTerminal() instanceof TtyTerminal tty) {
            // the theme then asks for no colour; this keeps Lanterna's own "default colour" escapes off the wire too
            tty.plain();
        }
        this.sync = sync;
        this.mouse = options.mouse();
        this.state = new UiState(source.interval());
        state.source = source.sourceName();
        List<KeyMap.Group> groups = new ArrayList<>(extraKeys);
        groups.add(LiveKeys.GROUP);
        groups.add(LiveKeys.PROCS_GROUP);
        this.controller = new Controller(workers, source, state, new KeyMap(groups), new Tasks(actions, this::post),
                screen::getTerminalSize);
        if (options.gil()) {
            workers.setGil(true);
        }
        if (lesson != null) {
            state.lesson = lesson.view();
            lesson.onChange(v -> post(new UiEvent.LessonChanged(v)));
        }
    }

    UiState state() {
        return state;
    }

    /** The commands the keys call (tests; the all-processes view attaches and opens the signal menu through them). */
    Commands commands() {
        return controller.commands();
    }

    /**
     * For a replay (issue 10): what the header shows in place of the interval, asked at every frame
     * (where the replay is, how it plays), and the first status line.
     */
    public TerminalUi showing(Supplier<String> position, String status) {
        this.position = position;
        state.replay = position.get();
        state.status(status, false);
        return this;
    }

    void post(UiEvent e) {
        inbox.add(e);
    }

    /** Handles one key now, on the calling thread (the UI thread, or a test). */
    Reaction key(KeyStroke k) {
        return react(controller.key(k));
    }

    /** Does what a reaction asks short of drawing: a spawn, kill or clear shows in this very frame. */
    private Reaction react(Reaction r) {
        if (r == Reaction.REBUILD) {
            // wait (bounded) until the model has what the key did: a spawn, kill or clear shows in this frame
            source.awaitCurrent();
        } else if (r == Reaction.EXIT) {
            state.exit = true;
        }
        if (lesson != null && (state.stopping != null || state.exit)) {
            // quitting: the lesson starts nothing more while its workers are being stopped
            lesson.stop();
        }
        return r;
    }

    /** Handles every queued event; returns what they ask of the loop together. */
    Reaction drain() {
        Reaction all = Reaction.NONE;
        UiEvent e;
        while ((e = inbox.poll()) != null) {
            all = all.and(handle(e));
        }
        return all;
    }

    /** One event from the inbox, on the UI thread. */
    private Reaction handle(UiEvent event) {
        try {
            // Java 17: no pattern switch yet; the interface is sealed, so this list is every event there is
            if (event instanceof UiEvent.KeyPressed k) {
                return key(k.stroke());
            } else if (event instanceof UiEvent.Finished f) {
                f.result().accept(state);
                return react(f.reaction());
            } else if (event instanceof UiEvent.LessonChanged l) {
                return lessonChanged(l.view());
            } else if (event instanceof UiEvent.InputEnded) {
                return react(controller.inputEnded());
            } else if (event instanceof UiEvent.InputFailed f) {
                state.status("cannot read the keyboard: " + f.message(), true);
                return Reaction.REDRAW;
            } else if (event instanceof UiEvent.NewTimeline) {
                timelinePosted.set(false);
                // drawn at the next frame the pacing allows (see run), never at the source's pace
                timelinePending |= controller.timeline().arrived(source.timeline());
                return Reaction.NONE;
            } else if (event instanceof UiEvent.NewModel m) {
                // the big timer runs on from the newest model until the next one
                state.modelNanos = System.nanoTime();
                state.roundRunning = RoundBox.running(m.snapshot()).isPresent();
                if (state.timelinePane && state.frozen == null) {
                    // a source whose timeline follows its models (a replay) need not post timelines of its own
                    controller.timeline().arrived(source.timeline());
                }
                if (state.overlay == UiState.Overlay.QUIT) {
                    // the question counts the workers still running: as they end, it says so
                    state.quitRunning = Quitting.running(m.snapshot().workers().stream().map(WorkerSample::info).toList());
                }
                return Reaction.REDRAW;
            } else {
                // a new size: draw it
                return Reaction.REDRAW;
            }
        } catch (RuntimeException e) {
            state.status("error: " + e, true);
            return Reaction.REDRAW;
        }
    }

    /**
     * A new view of the lesson: the narration pane shows it; a new "show: rounds" opens the rounds pane,
     * "show: timeline" the timeline pane, a new "show: round" puts the latest round's summary on screen (the result box, even if Esc hid
     * it, and the tables rather than the pane), once each.
     */
    private Reaction lessonChanged(LessonView v) {
        state.lesson = v;
        if (v.showSeq() > lessonShown) {
            lessonShown = v.showSeq();
            if (v.show() == Action.View.ROUNDS) {
                controller.timeline().close();
                state.roundsPane = true;
            } else if (v.show() == Action.View.TIMELINE) {
                controller.timeline().open();
            } else if (v.show() == Action.View.ROUND) {
                controller.timeline().close();
                state.roundsPane = false;
                state.resultHidden = 0;
            }
        }
        return Reaction.REDRAW;
    }

    /**
     * Shows the screen until the user quits; restores the terminal on the way out, whatever happens,
     * and from a shutdown hook on SIGTERM/SIGHUP.
     */
    public void run() throws IOException {
        Thread restore = new Thread(this::restore, "threadlab-ui-restore");
        Runtime.getRuntime().addShutdownHook(restore);
        try {
            if (mouse && screen.getTerminal() instanceof ExtendedTerminal ext) {
                // before the screen starts: Lanterna turns it on as it enters private mode, and off as it leaves.
                // CLICK_RELEASE is xterm's mode 1000 (presses, releases and the wheel); CLICK would be mode 9, which tmux ignores.
                // With a UTF-8 charset Lanterna adds mode 1005 (positions as UTF-8 characters), so columns past 94 are read right
                ext.setMouseCaptureMode(MouseCaptureMode.CLICK_RELEASE);
            }
            screen.startScreen();
            screen.setCursorPosition(null);
            source.onSnapshot(s -> post(new UiEvent.NewModel(s)));
            listenToTimelines();
            screen.getTerminal().addResizeListener((t, size) -> post(new UiEvent.Resized(size)));
            Thread input = new Thread(this::readKeys, "threadlab-ui-input");
            input.setDaemon(true);
            input.start();
            if (lesson != null) {
                lesson.start();
            }
            render();
            while (!state.exit) {
                long wait = wakeMillis(System.nanoTime());
                // nothing moves by itself: sleep until an event comes (a model, a key, a resize), however long
                UiEvent e = wait < 0 ? inbox.take() : inbox.poll(wait, TimeUnit.MILLISECONDS);
                // nothing came in time: draw for what moves by itself (join timers, the quit in progress, a round's timer)
                Reaction r = e == null ? (wait >= 0 ? Reaction.REDRAW : Reaction.NONE) : handle(e).and(drain());
                r = r.and(paced(System.nanoTime()));
                if (r != Reaction.NONE && !state.exit) {
                    render();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (lesson != null) {
                lesson.stop();
            }
            // the source stops reading fine time for a screen that is gone
            controller.timeline().close();
            controller.close();
            restore();
            try {
                Runtime.getRuntime().removeShutdownHook(restore);
            } catch (IllegalStateException ignored) {
                // the JVM is already exiting: the hook runs (harmlessly) anyway
            }
        }
    }

    /** The source's timelines reach the inbox as one {@link UiEvent.NewTimeline} at a time, however fast they come. */
    void listenToTimelines() {
        source.onTimeline(t -> {
            if (timelinePosted.compareAndSet(false, true)) {
                post(new UiEvent.NewTimeline());
            }
        });
    }

    /**
     * How long the loop may sleep without an event: -1 (until one comes) when nothing on screen moves
     * by itself, so an idle screen wakes once per model and not in between; 100 ms while a join's or
     * the quit's wait runs on screen (in hundredths) or a timeline waits for the frame pacing; and
     * while a round runs, until its stopwatch shows its next value (see {@link #untilTimerMoves}).
     */
    long wakeMillis() {
        return wakeMillis(System.nanoTime());
    }

    long wakeMillis(long now) {
        if (!state.joins.isEmpty() || state.stopping != null || timelinePending) {
            return 100;
        }
        return state.roundRunning ? untilTimerMoves(now) : -1;
    }

    /**
     * Milliseconds until the running round's stopwatch (the big digits, the rounds pane's wall time)
     * changes: tenths in its first minute, whole seconds after ({@link org.threadlab.text.Durations#stopwatch}).
     * Once it shows seconds and models come at least once a second, it needs no frame of its own: each
     * model's frame shows it, a second on from the last (so a long round costs no second frame a tick).
     * -1 (sleep until an event) then, when its clock stands still between models (frozen, a replay),
     * and when no round runs.
     */
    long untilTimerMoves(long now) {
        Optional<Round> r = RoundBox.running(controller.shown());
        if (r.isEmpty() || state.frozen != null || state.replay != null) {
            return -1;
        }
        long ms = Math.max(0, RoundsView.wall(r.get(), Renderer.sinceModel(state, now)).toMillis());
        long step = ms < 60_000 ? 100 : 1000;
        if (step >= state.interval.toMillis()) {
            return -1;
        }
        // just past the moment its text changes, so the frame shows the new value
        return step - ms % step + 1;
    }

    /** Frames drawn into the screen's buffer, and of those the frames that wrote to the terminal (a frame identical to the last writes nothing). */
    long framesDrawn() {
        return framesDrawn;
    }

    long framesWritten() {
        return framesWritten;
    }

    /** When the last frame was drawn (System.nanoTime()); 0 before the first. */
    long lastFrameNanos() {
        return lastFrameNanos;
    }

    /**
     * A frame for a timeline that came, once the last frame is at least {@link #FRAME_NANOS} old: fine
     * slices every 5 ms would otherwise redraw the screen 200 times a second. One that must wait is
     * drawn by a later pass (the loop then wakes within 100 ms even if nothing else comes).
     */
    Reaction paced(long now) {
        return timelinePending && now - lastFrameNanos >= FRAME_NANOS ? Reaction.REDRAW : Reaction.NONE;
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
                if (k != null && k.getKeyType() == KeyType.EOF) {
                    post(new UiEvent.InputEnded());
                    return;
                }
                if (k != null) {
                    post(new UiEvent.KeyPressed(k));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (!stopped) {
                post(new UiEvent.InputFailed(e.getMessage()));
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
            if (position != null) {
                state.replay = position.get();
            }
            try {
                long now = System.nanoTime();
                Snapshot shown = controller.shown();
                Renderer.draw(screen.newTextGraphics(), theme, shown, state, now);
                askSwitches(shown);
                renderFailures = 0;
                timelinePending = false;
                lastFrameNanos = now;
            } catch (RuntimeException e) {
                state.status("display error: " + e, true);
                if (++renderFailures > 3) {
                    throw e;
                }
                return;
            }
            // the same cells as on the terminal: not even the frame's brackets or its cursor escape go out
            if (resized != null || firstFrame || changed()) {
                firstFrame = false;
                sync.begin();
                screen.refresh(resized != null ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
                sync.end();
                framesWritten++;
            }
            framesDrawn++;
        }
    }

    /**
     * Tells the source whose context-switch counts to read: the selected thread worker's, which the
     * detail pane shows, and no one else's (a thread's switches are in its dearest file; a recording
     * keeps them all anyway). Said only when it changes.
     */
    private void askSwitches(Snapshot shown) {
        java.util.Set<Long> want = Rows.selected(shown, state)
                .filter(w -> w.info().kind() == WorkerKind.THREAD && w.info().tid() > 0)
                .map(w -> java.util.Set.of(w.info().tid())).orElse(java.util.Set.of());
        if (!want.equals(switchesAsked)) {
            switchesAsked = want;
            source.showSwitchesOf(want);
        }
    }

    /**
     * True when some cell of the frame just drawn differs from what the terminal shows. Lanterna's
     * refresh would find that too, but still writes the frame's cursor escape (and we its brackets);
     * the search usually stops in the header's first row (its clock moves every second).
     */
    private boolean changed() {
        TerminalSize size = screen.getTerminalSize();
        for (int y = 0; y < size.getRows(); y++) {
            for (int x = 0; x < size.getColumns(); x++) {
                if (!screen.getBackCharacter(x, y).equals(screen.getFrontCharacter(x, y))) {
                    return true;
                }
            }
        }
        return false;
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
                if (mouse && screen.getTerminal() instanceof TtyTerminal tty) {
                    tty.mouseOff();
                }
            } catch (IOException | RuntimeException ignored) {
                // as below: a terminal that is gone needs nothing turned off
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
}
