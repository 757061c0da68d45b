package org.threadlab.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import java.util.function.Supplier;
import org.threadlab.model.Snapshot;
import org.threadlab.model.SnapshotSource;

/**
 * Routes each key to whoever has the keyboard: the quit in progress, the "too small" message, an
 * open dialog (help, workload, quit question, filter), else the key table. It runs on the UI
 * thread, never waits, and returns what the key asks of the screen loop.
 */
final class Controller {
    private final UiState st;
    private final KeyMap table;
    private final UiContext ctx;
    private final Navigation nav;
    private final Tasks tasks;
    private final Supplier<TerminalSize> size;
    private final HelpKeys help;
    private final QuitKeys quit;
    private final FilterKeys filter;
    private final WorkloadDialogKeys dialog;
    private final ProcsTypingKeys procsTyping;
    private final SignalMenuKeys signals;
    private final SortMenuKeys sorts;
    private final Mouse mouse;

    Controller(WorkerCommands workers, SnapshotSource source, UiState st, KeyMap table, Tasks tasks, Supplier<TerminalSize> size) {
        this.st = st;
        this.table = table;
        this.tasks = tasks;
        this.size = size;
        TimelinePane timeline = new TimelinePane(st, source);
        this.nav = new Navigation(st, source, size, timeline);
        Quitting quitting = new Quitting(st, workers, tasks);
        ProcsPane procs = new ProcsPane(st, source, nav, timeline, size);
        this.ctx = new UiContext(st, new Commands(st, workers, source, nav, tasks), new Joins(st, workers, nav, tasks), quitting, nav,
                timeline, procs);
        this.procsTyping = new ProcsTypingKeys(st, procs);
        this.help = new HelpKeys(st);
        this.quit = new QuitKeys(st, quitting);
        this.filter = new FilterKeys(st);
        this.dialog = new WorkloadDialogKeys(st);
        this.signals = new SignalMenuKeys(st, ctx.commands);
        this.sorts = new SortMenuKeys(st, nav);
        this.mouse = new Mouse(st, nav, procs);
        st.help = table.help();
        st.hints = table.hints();
    }

    /** The timeline pane's commands: a lesson's show: timeline opens it as T does. */
    TimelinePane timeline() {
        return ctx.timeline;
    }

    /** The main screen's commands: what a key calls, and what the all-processes view calls ({@link Commands#attach}, {@link Commands#openSignalMenu}). */
    Commands commands() {
        return ctx.commands;
    }

    /** The snapshot on show (live or frozen). */
    Snapshot shown() {
        return nav.shown();
    }

    Reaction key(KeyStroke k) {
        try {
            if (k.isAltDown()) {
                // threadlab binds no Alt key: what arrives as Alt+key is Esc typed just before the key
                // (the terminal sends both bytes at once), so it acts as both, in that order
                Reaction esc = dispatch(new KeyStroke(KeyType.Escape));
                return esc.and(dispatch(k.getKeyType() == KeyType.Character
                        ? new KeyStroke(k.getCharacter(), k.isCtrlDown(), false, k.isShiftDown())
                        : new KeyStroke(k.getKeyType(), k.isCtrlDown(), false, k.isShiftDown())));
            }
            return dispatch(k);
        } catch (RuntimeException e) {
            st.status("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()), true);
            return Reaction.REDRAW;
        }
    }

    /**
     * The keyboard is gone (end of input): as q pressed on the main screen (a dialog open no longer
     * matters), and as q again while quitting, which kills what is still waited for.
     */
    Reaction inputEnded() {
        if (st.stopping != null) {
            return ctx.quitting.quit(true);
        }
        st.overlay = UiState.Overlay.NONE;
        st.editingFilter = false;
        return ctx.quitting.ask();
    }

    void close() {
        tasks.close();
    }

    private Reaction dispatch(KeyStroke k) {
        if (k instanceof MouseAction m) {
            // the mouse acts on the main screen only: a box, the filter or search being typed or the quit take the keyboard, not the pointer
            boolean free = st.stopping == null && !tooSmall() && st.overlay == UiState.Overlay.NONE && !st.editingFilter
                    && st.procs.typing == ProcsState.Typing.NONE;
            return free ? mouse.act(m) : Reaction.NONE;
        }
        Key key = Key.of(k);
        if (st.stopping != null) {
            return quit.whileStopping(k);
        }
        if (tooSmall() && st.overlay != UiState.Overlay.QUIT) {
            // the screen shows only "enlarge it, or press q to quit": no other key's effect could be
            // seen, and q must quit from a dialog too rather than be typed into it unseen
            if (table.find(key).orElse(null) != LiveKeys.QUIT) {
                return Reaction.NONE;
            }
            st.overlay = UiState.Overlay.NONE;
            st.editingFilter = false;
            return ctx.quitting.ask();
        }
        if (st.overlay != UiState.Overlay.QUIT && (st.overlay != UiState.Overlay.NONE || st.editingFilter)
                && key.ctrl() && table.find(key).orElse(null) == LiveKeys.QUIT) {
            // Ctrl-C quits wherever the help says it does: an open dialog (help, workload, filter) does
            // not swallow it, as q would be typed into it. It closes the dialog and asks as on the main screen
            st.overlay = UiState.Overlay.NONE;
            st.editingFilter = false;
            st.procs.typing = ProcsState.Typing.NONE;
            return ctx.quitting.ask();
        }
        switch (st.overlay) {
            case HELP, EVENT -> {
                // any key closes the help or an event's whole text, as the help says
                return help.key(k);
            }
            case WORKLOAD -> {
                return dialog.key(k);
            }
            case QUIT -> {
                return quit.key(k);
            }
            case SIGNAL -> {
                return signals.key(k);
            }
            case SORT -> {
                return sorts.key(k);
            }
            case NONE -> { }
        }
        if (st.editingFilter) {
            return filter.key(k);
        }
        if (st.procs.open && st.procs.typing != ProcsState.Typing.NONE) {
            return procsTyping.key(k);
        }
        KeyMap.Binding b = table.find(key).orElse(null);
        if (b == null) {
            return Reaction.NONE;
        }
        // every key but a digit uses up the count typed before it (Esc: to cancel it)
        ctx.count = b.countPrefix() ? 1 : ctx.commands.takeCount();
        return b.action().run(ctx, key);
    }

    private boolean tooSmall() {
        TerminalSize s = size.get();
        return s != null && (s.getColumns() < Layout.MIN_WIDTH || s.getRows() < Layout.MIN_HEIGHT);
    }
}
