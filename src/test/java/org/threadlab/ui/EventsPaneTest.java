package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.model.Snapshot;
import org.threadlab.model.SnapshotSource;
import org.threadlab.worker.Event;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;

/** The events pane takes the focus, scrolls back through every event the model keeps, follows new ones, and the detail shows one whole. */
class EventsPaneTest {
    private static final Theme UNICODE = new Theme(false, true);
    /** Longer than any pane is wide: the detail must wrap it, the log cuts it. */
    private static final String LONG = "worker 7 refused to stop: it ignored SIGTERM for the grace period, so threadlab sent"
            + " SIGKILL and the kernel reaped it; the table and the recording agree END-OF-TEXT";
    /** The fixture's snapshot with {@code n} events, seq 1..n; event 5 is long. */
    private static Snapshot withEvents(int n) {
        Snapshot f = Fixtures.snapshot();
        List<Event> events = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            events.add(new Event(i, Fixtures.NOW.minusSeconds(n - i), i == 5 ? Event.Type.KILLED : Event.Type.INFO, i == 5 ? 3 : 0,
                    i == 5 ? LONG : "event number " + i));
        }
        return new Snapshot(f.seq(), f.takenAt(), f.interval(), f.selfPid(), f.host(), f.processes(), f.workers(), f.gil(), events);
    }

    private static DefaultVirtualTerminal draw(int cols, int rows, Snapshot s, UiState st) throws IOException {
        DefaultVirtualTerminal t = Fixtures.terminal(cols, rows);
        TerminalScreen screen = Fixtures.screen(t);
        Renderer.draw(screen.newTextGraphics(), UNICODE, s, st, System.nanoTime());
        screen.refresh(Screen.RefreshType.DELTA);
        return t;
    }

    private static UiState focusedOn(long seq) {
        UiState st = new UiState(Duration.ofSeconds(1));
        st.focus = Pane.EVENTS;
        st.eventFollow = false;
        st.eventSelected = seq;
        return st;
    }

    private static int rowWith(List<String> lines, String needle) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + needle + "\n" + String.join("\n", lines));
    }

    /** The detail shows the long event whole (every word, in order, across lines) and the log marks it. */
    private static void assertLongEventShown(int cols, int rows) throws IOException {
        Snapshot s = withEvents(40);
        DefaultVirtualTerminal t = draw(cols, rows, s, focusedOn(5));
        List<String> lines = Fixtures.lines(t);
        String all = String.join("\n", lines);
        Layout l = Layout.of(cols, rows, s.host().cores().size());
        assertTrue(all.contains("> Events 5/40"), "the focused log says where it is\n" + all);
        assertTrue(lines.get(l.detail().y()).contains("Detail: event 5"), lines.get(l.detail().y()));
        // its own line, or (80x24: three rows) run on into the text
        assertTrue(lines.get(l.detail().y() + 1).replaceAll(" +", " ").contains(Fixtures.clock(Fixtures.NOW.minusSeconds(35)) + " killed worker #3 cpu-3"),
                "heading: time, type, worker\n" + all);
        // the text, joined back from the detail's lines, is whole: nothing cut, no ellipsis
        StringBuilder text = new StringBuilder();
        for (int y = l.detail().y() + 1; y < l.detail().y() + l.detail().h(); y++) {
            text.append(lines.get(y).substring(l.detail().x() + 1, l.detail().x() + l.detail().w() - 1).strip()).append(' ');
        }
        assertTrue(text.toString().strip().endsWith(LONG), "wrapped whole at " + cols + "x" + rows + ":\n" + all);
        assertFalse(text.toString().contains("…"), all);
        // the log cuts it to one line, marked as selected, and it is in view though 35 events are newer
        int row = rowWith(lines, Fixtures.clock(Fixtures.NOW.minusSeconds(35)) + "  worker 7 refused");
        assertTrue(row >= l.events().y() + 1 && row < l.events().y() + l.events().h(), all);
        assertTrue(lines.get(row).contains("…"), "cut in the log: " + lines.get(row));
        assertEquals(TextColor.ANSI.DEFAULT, t.getCharacter(l.events().x() + 1, row).getForegroundColor());
        assertTrue(t.getCharacter(l.events().x() + 1, row).getModifiers().contains(com.googlecode.lanterna.SGR.REVERSE),
                "the selected event is marked as a table's selected row");
        assertFalse(all.contains("event number 40"), "scrolled back: the newest is out of view\n" + all);
    }

    @Test
    void focusedEventsAt80x24ShowTheLongEventWhole() throws IOException {
        assertLongEventShown(80, 24);
    }

    @Test
    void aTextTooLongForTheDetailEndsWithAnEllipsis() throws IOException {
        Snapshot f = withEvents(3);
        Event huge = new Event(4, Fixtures.NOW, Event.Type.WARNING, 0, (LONG + " ").repeat(5));
        List<Event> events = new ArrayList<>(f.events());
        events.add(huge);
        Snapshot s = new Snapshot(f.seq(), f.takenAt(), f.interval(), f.selfPid(), f.host(), f.processes(), f.workers(), f.gil(), events);
        UiState st = focusedOn(4);
        List<String> lines = Fixtures.lines(draw(80, 24, s, st));
        Layout l = Layout.of(80, 24, s.host().cores().size());
        assertTrue(lines.get(l.detail().y() + l.detail().h() - 1).strip().endsWith("…"), String.join("\n", lines));
        assertTrue(lines.get(l.detail().y() + 1).contains("warning supervisor:"), "heading folded into the text\n" + String.join("\n", lines));
    }

    @Test
    void focusedEventsAt120x40ShowTheLongEventWhole() throws IOException {
        assertLongEventShown(120, 40);
    }

    @Test
    void notFocusedTheLogShowsTheNewestAndTheDetailAWorker() throws IOException {
        UiState st = focusedOn(5);
        st.focus = Pane.THREADS;
        String all = Fixtures.text(draw(80, 24, withEvents(40), st));
        assertTrue(all.contains("event number 40") && !all.contains("worker 7 refused"), all);
        assertTrue(all.contains("Detail: cpu-1"), all);
    }

    /** A source whose snapshot the test replaces: new events arriving. */
    private static final class Feed implements SnapshotSource {
        volatile Snapshot now;

        Feed(Snapshot s) {
            now = s;
        }

        @Override
        public Snapshot latest() {
            return now;
        }

        @Override
        public void onSnapshot(java.util.function.Consumer<Snapshot> listener) {}

        @Override
        public Duration interval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public void setInterval(Duration d) {}

        @Override
        public void close() {}
    }

    private final Feed feed = new Feed(withEvents(40));
    private final DefaultVirtualTerminal terminal = Fixtures.terminal(80, 24);
    private TerminalUi ui;

    private TerminalUi ui() throws IOException {
        if (ui == null) {
            ui = new TerminalUi(Fixtures.screen(terminal), new ReplayCommands(), feed,
                    new UiOptions(Duration.ofSeconds(1), false, false, true), TerminalUi.FrameSync.NONE, Runnable::run, List.of());
        }
        return ui;
    }

    private void key(KeyType type) throws IOException {
        ui().key(new KeyStroke(type));
        ui().drain();
    }

    private String screen() throws IOException {
        ui().render();
        return Fixtures.text(terminal);
    }

    private long selectedSeq() throws IOException {
        return EventRows.selected(feed.now.events(), ui().state()).orElseThrow().seq();
    }

    @Test
    void tabCyclesThreadsProcessesEventsAndShiftTabBack() throws IOException {
        assertEquals(Pane.THREADS, ui().state().focus);
        key(KeyType.Tab);
        assertEquals(Pane.PROCESSES, ui().state().focus);
        key(KeyType.Tab);
        assertEquals(Pane.EVENTS, ui().state().focus);
        assertTrue(screen().contains("> Events 40/40 following"), screen());
        key(KeyType.Tab);
        assertEquals(Pane.THREADS, ui().state().focus);
        key(KeyType.ReverseTab);
        assertEquals(Pane.EVENTS, ui().state().focus);
        key(KeyType.ReverseTab);
        assertEquals(Pane.PROCESSES, ui().state().focus);
    }

    @Test
    void arrowsPagesAndEndsScrollTheLog() throws IOException {
        key(KeyType.ReverseTab);
        assertEquals(40, selectedSeq());
        key(KeyType.ArrowUp);
        key(KeyType.ArrowUp);
        assertEquals(38, selectedSeq());
        assertFalse(ui().state().eventFollow);
        key(KeyType.Home);
        assertEquals(1, selectedSeq());
        String top = screen();
        assertTrue(top.contains("event number 1 ") && !top.contains("event number 40"), "Home scrolls to the oldest\n" + top);
        int rows = Layout.of(80, 24, feed.now.host().cores().size()).events().h() - 1;
        key(KeyType.PageDown);
        assertEquals(1 + rows - 1, selectedSeq(), "a page is the log's rows less one");
        assertTrue(screen().contains("event number " + (1 + rows - 1) + " "), screen());
        key(KeyType.PageUp);
        assertEquals(1, selectedSeq());
        key(KeyType.ArrowUp);
        assertEquals(1, selectedSeq(), "the oldest stays selected");
        key(KeyType.End);
        assertEquals(40, selectedSeq());
        assertTrue(ui().state().eventFollow, "End follows the newest again");
        assertTrue(screen().contains("event number 40"));
    }

    @Test
    void newEventsMoveTheSelectionOnlyWhenFollowing() throws IOException {
        key(KeyType.ReverseTab);
        feed.now = withEvents(45);
        assertEquals(45, selectedSeq(), "following: the newest is selected");
        assertTrue(screen().contains("event number 45"));
        key(KeyType.ArrowUp);
        assertEquals(44, selectedSeq());
        String before = screen();
        feed.now = withEvents(50);
        assertEquals(44, selectedSeq(), "scrolled back: new events do not move the selection");
        String after = screen();
        assertTrue(after.contains("> Events 44/50") && !after.contains("event number 50"), after);
        assertEquals(rowWith(before.lines().toList(), "event number 44"), rowWith(after.lines().toList(), "event number 44"),
                "nor the scroll");
        key(KeyType.End);
        feed.now = withEvents(52);
        assertEquals(52, selectedSeq());
    }

    @Test
    void withTheEventsFocusedTheWorkerKeysSayWhereTheWorkersAre() throws Exception {
        Supervisor supervisor = new Supervisor(Limits.DEFAULT, false);
        try {
            TerminalUi live = new TerminalUi(Fixtures.screen(terminal), supervisor, feed,
                    new UiOptions(Duration.ofSeconds(1), false, false, true), TerminalUi.FrameSync.NONE, Runnable::run);
            live.key(new KeyStroke(KeyType.ReverseTab));
            live.key(new KeyStroke('k', false, false));
            live.drain();
            assertTrue(live.state().status.contains("the events are focused: Tab to a table"), live.state().status);
            live.key(new KeyStroke('j', false, false));
            live.drain();
            assertTrue(live.state().status.contains("no worker selected to join (the events are focused"), live.state().status);
        } finally {
            supervisor.close();
        }
    }
}
