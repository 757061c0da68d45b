package org.threadlab.ui;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.threadlab.model.Snapshot;
import org.threadlab.text.Decimals;
import org.threadlab.worker.Event;

/**
 * The supervisor's events, newest at the bottom; the type colours them, the text says it all. Not
 * focused, it shows the newest; focused (Tab), it scrolls back through all the model keeps and marks
 * the selected event, whose whole text the detail pane shows.
 */
final class EventsView {
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private EventsView() {}

    static void draw(Canvas c, Layout.Rect r, Snapshot s, UiState st, int junctionX) {
        boolean focused = st.focus == Pane.EVENTS;
        List<Event> events = s.events();
        int rows = r.h() - 1;
        int from = EventRows.top(events, st, rows, focused);
        int sel = focused ? EventRows.selectedIndex(events, st) : -1;
        String where = !focused || events.isEmpty() ? ""
                : " " + (sel + 1) + "/" + events.size() + (st.eventFollow ? " following" : "");
        c.rule(r.x(), r.y(), r.w(), (focused ? "> " : "") + "Events" + where, focused ? Theme.Role.TITLE_FOCUS : Theme.Role.TITLE,
                junctionX, c.theme.teeUp);
        for (int i = from; i < events.size() && i < from + rows; i++) {
            Event e = events.get(i);
            int y = r.y() + 1 + i - from;
            if (i == sel) {
                c.fill(r.x(), y, r.w(), Theme.Role.SELECTED);
            }
            c.text(r.x() + 1, y, c.fit(clock(e) + "  " + e.text(), r.w() - 2), i == sel ? Theme.Role.SELECTED : role(e.type()), r.w() - 2);
        }
        if (events.isEmpty()) {
            c.text(r.x() + 1, r.y() + 1, "Nothing yet. Press ? for the keys.", Theme.Role.DIM, r.w() - 2);
        }
    }

    /** "14:03:59", as {@link #CLOCK} writes it, without a DateTimeFormatter for every line of every frame. */
    static String clock(Event e) {
        LocalTime t = LocalTime.ofInstant(e.at(), ZoneId.systemDefault());
        StringBuilder sb = new StringBuilder(8);
        Decimals.appendPadded(sb, t.getHour(), 2).append(':');
        Decimals.appendPadded(sb, t.getMinute(), 2).append(':');
        return Decimals.appendPadded(sb, t.getSecond(), 2).toString();
    }

    static Theme.Role role(Event.Type t) {
        return switch (t) {
            case FAILED, REFUSED -> Theme.Role.ERROR;
            case KILLED, STUBBORN, JOIN_TIMEOUT, DAEMON_KILLED, TERMINATING, TERMINATED, WARNING -> Theme.Role.WARN;
            case FINISHED, JOINED -> Theme.Role.ON;
            default -> Theme.Role.NORMAL;
        };
    }
}
