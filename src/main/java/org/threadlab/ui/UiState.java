package org.threadlab.ui;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.threadlab.model.Snapshot;
import org.threadlab.model.Timeline;
import org.threadlab.sample.SliceSource;
import org.threadlab.work.WorkloadSpec;

/**
 * What the user has chosen and what the screen is in the middle of: everything the renderer needs
 * besides the snapshot. Owned by the UI thread; background tasks change it only through posted
 * callbacks, so it needs no locking.
 */
final class UiState {
    enum Overlay { NONE, HELP, WORKLOAD, QUIT, EVENT, SIGNAL, SORT }

    /** A wait the user started with j or J; {@code workerId} 0 means "all". */
    record PendingJoin(int workerId, String name, long startedNanos, Future<?> task) {}

    Pane focus = Pane.THREADS;
    final Map<Pane, Integer> selected = new EnumMap<>(Pane.class);
    /** The events log follows the newest event (as tail -f) until the user selects an older one. */
    boolean eventFollow = true;
    /** The selected event's seq when not following. */
    long eventSelected = -1;
    /** The seq of the first event on show in the focused log (-1: the newest page); EventRows keeps it. */
    long eventTop = -1;
    SortKey sort = SortKey.ID;
    /** The sort reversed: the same column chosen again (F6, a click on its header). */
    boolean sortReversed;
    /** The line selected in the sort-by menu (F6). */
    int sortMenuSelected;
    /** The signal menu (F9): what it is about and the signal chosen, while {@link Overlay#SIGNAL} is on. */
    final SignalMenu signalMenu = new SignalMenu();
    String filter = "";
    boolean editingFilter;
    /** Non-null while the display is frozen: the snapshot on show. */
    Snapshot frozen;
    boolean daemon;
    /** What t, v and p start: cpu with its own defaults, which the w dialog shows as they are. */
    ChosenWorkload workload = ChosenWorkload.of(WorkloadSpec.of("cpu"));
    /** Digits typed before a spawn key (4t); 0 when none. */
    int count;
    /** True once a digit is typed, so that a typed 0 is refused rather than taken as "no count". */
    boolean countTyped;
    Overlay overlay = Overlay.NONE;
    /** What {@code ?} shows: generated from the key table in use (the live one unless a replay adds its own). */
    List<KeyMap.HelpSection> help = LiveKeys.TABLE.help();
    /** The footer's key hints, from the same table. */
    List<KeyMap.Hint> hints = LiveKeys.TABLE.hints();
    final WorkloadDialog dialog = new WorkloadDialog();
    Duration interval;
    String status = "";
    boolean statusError;
    final Map<Integer, PendingJoin> joins = new LinkedHashMap<>();
    /** Non-daemon workers alive when q was pressed: what the quit question is about. */
    int quitRunning;
    /** Non-null while quitting: what we are waiting for. */
    String stopping;
    boolean exit;
    /** Which reader makes the figures ("proc", "oshi": --source), shown in the header; null in a replay. */
    String source;
    /** Non-null in a replay: where it is and how it plays (ReplaySource.Position.label), shown in the header. */
    String replay;
    /** Non-null while a lesson runs: its narration pane (the runner makes a new one at each change). */
    org.threadlab.lesson.LessonView lesson;
    /** True while the rounds pane is on show (R, or a lesson's show: rounds). */
    boolean roundsPane;
    /** True while the timeline pane is on show (T, or a lesson's show: timeline); the source reads fine time only then. */
    boolean timelinePane;
    /** The timeline on show: the newest the source sent, held while the display is frozen. */
    Timeline timeline = Timeline.EMPTY;
    /** The first lane on show when they do not all fit (Up/Down scroll them). */
    int timelineTop;
    /** The slice the zoom keys last asked for (the source may make it longer; the pane shows the timeline's own). */
    Duration slice = SliceSource.DEFAULT_SLICE;
    /** The selected row of the rounds pane (0 = the newest round). */
    int roundSelected;
    /** The round whose result box Esc hid (0: none): it shows again for the next round that ends. */
    int resultHidden;
    /** True while the newest model has a round running: the big timer ticks between models. */
    boolean roundRunning;
    /** System.nanoTime() when the newest model came (0: not known), so the timer runs on between models. */
    long modelNanos;
    /** The all-processes view (a): open or not, its order, filter, search and selection (a PID). */
    final ProcsState procs = new ProcsState();
    /** The tables' rows for the snapshot on show, sorted and filtered once (see Rows.Memo). */
    final Rows.Memo rows = new Rows.Memo();
    /** Where the last frame drew the tables' rows and headers and the events: what a mouse click hits. */
    final ClickMap clicks = new ClickMap();

    UiState(Duration interval) {
        this.interval = interval;
    }

    void status(String text, boolean error) {
        status = text;
        statusError = error;
    }

    int selected(Pane pane) {
        return selected.getOrDefault(pane, 0);
    }

    /** True while something on screen changes without a snapshot (join timers, a round's timer). */
    boolean ticking() {
        return !joins.isEmpty() || stopping != null || roundRunning;
    }
}
