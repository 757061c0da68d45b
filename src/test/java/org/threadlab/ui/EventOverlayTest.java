package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.model.Snapshot;
import org.threadlab.worker.Event;

/**
 * Enter on an event shows its whole text over the screen: at 80x24 the detail has three rows, too few
 * for a long failure, and while a lesson runs at 80x24 there is no detail at all.
 */
class EventOverlayTest {
    /** Five lines and more at 80 columns: more than the detail's three rows. */
    private static final String LONG = ("python3 seeds/gil.py exited with code 1: Traceback (most recent call last): File"
            + " \"gil.py\", line 12, in <module> main() File \"gil.py\", line 9, in main raise SystemExit(1) ").repeat(3)
            + "END-OF-TEXT";

    private static Snapshot withLongEvent() {
        Snapshot f = Fixtures.lab();
        List<Event> events = new ArrayList<>(f.events());
        events.add(new Event(4, Fixtures.NOW, Event.Type.FAILED, 3, LONG));
        return new Snapshot(f.seq(), f.takenAt(), f.interval(), f.selfPid(), f.host(), f.processes(), f.workers(), f.gil(), events);
    }

    private static Controller controller(Snapshot s, UiState st) {
        return new Controller(new ReplayCommands(), Fixtures.source(s), st, LiveKeys.TABLE, new Tasks(Runnable::run, e -> { }),
                () -> new TerminalSize(80, 24));
    }

    @Test
    void enterOnTheEventsPaneShowsTheWholeTextAndAnyKeyClosesIt() throws IOException {
        Snapshot s = withLongEvent();
        UiState st = new UiState(Duration.ofSeconds(1));
        Controller c = controller(s, st);
        c.key(new KeyStroke(KeyType.Tab));
        c.key(new KeyStroke(KeyType.Tab));
        assertEquals(Pane.EVENTS, st.focus);
        String before = RoundFixtures.screen(80, 24, s, st);
        assertFalse(before.contains("END-OF-TEXT"), "the detail's three rows cut it\n" + before);
        c.key(new KeyStroke(KeyType.Enter));
        assertEquals(UiState.Overlay.EVENT, st.overlay);
        String text = RoundFixtures.screen(80, 24, s, st);
        assertTrue(text.contains("Event 4"), text);
        assertTrue(text.contains("END-OF-TEXT") && text.contains("Any key closes this."), text);
        // every word, in order, across the box's lines
        // (the box is 78 wide at 80 columns: its text is in columns 3 to 76)
        String flat = String.join(" ", text.lines().map(l -> l.length() > 3 ? l.substring(3, Math.min(l.length(), 77)) : "").toList())
                .replaceAll("\\s+", " ");
        assertTrue(flat.contains(LONG.replaceAll("\\s+", " ")), flat);
        c.key(new KeyStroke('x', false, false));
        assertEquals(UiState.Overlay.NONE, st.overlay);
    }

    @Test
    void withALessonAt80x24EnterIsHowToReadAnEvent() throws IOException {
        Snapshot s = withLongEvent();
        UiState st = new UiState(Duration.ofSeconds(1));
        st.lesson = RoundFixtures.lesson(org.threadlab.lesson.LessonView.Phase.ASKING, null);
        st.focus = Pane.EVENTS;
        controller(s, st).key(new KeyStroke(KeyType.Enter));
        String text = RoundFixtures.screen(80, 24, s, st, new Theme(true, false));
        assertTrue(text.contains("END-OF-TEXT"), text);
    }

    @Test
    void enterElsewhereSaysWhatItDoes() {
        UiState st = new UiState(Duration.ofSeconds(1));
        controller(withLongEvent(), st).key(new KeyStroke(KeyType.Enter));
        assertEquals(UiState.Overlay.NONE, st.overlay);
        assertEquals("Enter shows an event whole: Tab to the events pane first", st.status);
    }
}
