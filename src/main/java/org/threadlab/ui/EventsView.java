package org.threadlab.ui;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.threadlab.model.Snapshot;
import org.threadlab.worker.Event;

/** The newest supervisor events, newest at the bottom; the type colours them, the text says it all. */
final class EventsView {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private EventsView() {}

    static void draw(Canvas c, Layout.Rect r, Snapshot s, int junctionX) {
        c.rule(r.x(), r.y(), r.w(), "Events", Theme.Role.TITLE, junctionX, c.theme.teeUp);
        List<Event> events = s.events();
        int rows = r.h() - 1;
        int from = Math.max(0, events.size() - rows);
        for (int i = from; i < events.size(); i++) {
            Event e = events.get(i);
            String time = LocalTime.ofInstant(e.at(), ZoneId.systemDefault()).format(CLOCK);
            c.text(r.x() + 1, r.y() + 1 + i - from, c.fit(time + "  " + e.text(), r.w() - 2), role(e.type()), r.w() - 2);
        }
        if (events.isEmpty()) {
            c.text(r.x() + 1, r.y() + 1, "Nothing yet. Press ? for the keys.", Theme.Role.DIM, r.w() - 2);
        }
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
