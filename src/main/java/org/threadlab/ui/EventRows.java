package org.threadlab.ui;

import java.util.List;
import java.util.Optional;
import org.threadlab.worker.Event;

/**
 * The selection and scroll of the events log, by event seq (the hub drops the oldest events, so an
 * index would slide): one place that Navigation, EventsView and DetailView agree on.
 */
final class EventRows {
    private EventRows() {}

    /** Index of the selected event: the newest in follow mode; else the selected one, or the oldest still kept after it. */
    static int selectedIndex(List<Event> events, UiState st) {
        if (events.isEmpty()) {
            return -1;
        }
        if (st.eventFollow) {
            return events.size() - 1;
        }
        return atOrAfter(events, st.eventSelected);
    }

    static Optional<Event> selected(List<Event> events, UiState st) {
        int i = selectedIndex(events, st);
        return i < 0 ? Optional.empty() : Optional.of(events.get(i));
    }

    /** Moves the selection by {@code delta} (clamped); landing on the newest turns follow mode on, as tail -f. */
    static void move(List<Event> events, UiState st, int delta) {
        if (events.isEmpty()) {
            return;
        }
        int i = selectedIndex(events, st);
        int next = (int) Math.max(0, Math.min(events.size() - 1, (long) i + delta));
        st.eventFollow = next == events.size() - 1;
        st.eventSelected = events.get(next).seq();
    }

    /**
     * The first row on show for {@code rows} rows: where the log was scrolled to, moved just enough to
     * keep the selection in view (so Up scrolls only at the top edge, as in a table), and never past
     * the newest page. Remembers it, by seq, for the next frame.
     */
    static int top(List<Event> events, UiState st, int rows, boolean focused) {
        int bottom = Math.max(0, events.size() - rows);
        if (!focused || events.isEmpty()) {
            return bottom;
        }
        int sel = selectedIndex(events, st);
        int top = st.eventTop < 0 ? bottom : atOrAfter(events, st.eventTop);
        if (sel < top) {
            top = sel;
        } else if (sel >= top + rows) {
            top = sel - rows + 1;
        }
        top = Math.max(0, Math.min(top, bottom));
        st.eventTop = events.get(top).seq();
        return top;
    }

    /** The first event whose seq is at least {@code seq}; the newest when none is. */
    private static int atOrAfter(List<Event> events, long seq) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).seq() >= seq) {
                return i;
            }
        }
        return events.size() - 1;
    }
}
