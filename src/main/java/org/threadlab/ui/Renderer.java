package org.threadlab.ui;

import com.googlecode.lanterna.graphics.TextGraphics;
import java.time.Duration;
import java.util.Optional;
import org.threadlab.model.Snapshot;

/**
 * The whole screen as a function of (snapshot, UI state, now): it reads nothing else, so a test
 * can draw a fabricated snapshot on a virtual terminal. Every frame repaints every cell of the back
 * buffer; the screen's DELTA refresh then sends only the cells that changed.
 */
final class Renderer {
    private Renderer() {}

    static void draw(TextGraphics g, Theme theme, Snapshot s, UiState st, long nowNanos) {
        Canvas c = new Canvas(g, theme);
        blank(c);
        st.clicks.clear();
        Layout l = Layout.of(c.width, c.height, s.host().cores().size(), st.lesson != null);
        if (l.tooSmall()) {
            // wrapped, since the terminal it is shown on is by definition too narrow for one long line
            // q works here too (see Controller), so its question and the wait that follows are shown here
            String more = st.stopping != null ? " " + st.stopping
                    : st.overlay == UiState.Overlay.QUIT ? " " + Overlays.stillRunning(st.quitRunning)
                    + (st.quitRunning == 0 ? ": w quit now, c or Esc cancel." : ": w wait for them, k kill them, c or Esc cancel.") : "";
            c.wrap(0, 0, c.width, c.height, "threadlab needs at least " + Layout.MIN_WIDTH + "x" + Layout.MIN_HEIGHT
                    + "; this terminal is " + c.width + "x" + c.height + ". Enlarge it, or press q to quit." + more, Theme.Role.WARN);
            return;
        }
        HeaderView.draw(c, s, st);
        MetersView.draw(c, l, s);
        Duration sinceModel = sinceModel(st, nowNanos);
        // the divider between the tables ends on the rule of whatever comes right under them
        int junction = l.splitX();
        if (st.procs.open) {
            // htop's main list: everything between the meters and the status line
            ProcsView.draw(c, l.procs(), s, st);
            FooterView.draw(c, l, st, nowNanos);
            Overlays.draw(c, st, s);
            return;
        }
        if (st.timelinePane) {
            TimelineView.draw(c, l.tables(), st.timeline, st);
            junction = -1;
        } else if (st.roundsPane) {
            RoundsView.draw(c, l.tables(), s, st, sinceModel);
            junction = -1;
        } else {
            c.rule(0, l.tablesY(), c.width, null, Theme.Role.NORMAL, l.splitX(), theme.teeDown);
            divider(c, l, theme);
            WorkerTableView.draw(c, l, s, st, Pane.THREADS, 0, l.leftWidth());
            WorkerTableView.draw(c, l, s, st, Pane.PROCESSES, l.rightX(), l.rightWidth());
        }
        if (l.narration() != null) {
            NarrationView.draw(c, l.narration(), st.lesson, junction);
            junction = -1;
        }
        boolean stacked = l.events().y() > l.detail().y();
        // a round's timer or result sits at the bottom right; the panes beside it are drawn narrower, not hidden
        Optional<RoundBox.Shown> box = RoundBox.shown(l, s, st);
        if (l.detail().h() > 0) {
            DetailView.draw(c, RoundBox.beside(l.detail(), box), s, st, nowNanos, junction);
        }
        EventsView.draw(c, RoundBox.beside(l.events(), box), s, st, stacked || l.detail().h() == 0 ? -1 : junction);
        st.clicks.events(RoundBox.beside(l.events(), box));
        RoundBox.draw(c, box, s, sinceModel);
        FooterView.draw(c, l, st, nowNanos);
        Overlays.draw(c, st, s);
    }

    /*
     * The loops of a frame live in small methods of their own, not in draw: draw runs once a frame, so
     * only its loops' back edges ever made C2 compile it, on-stack-replaced, with the whole frame inlined
     * (about 0.4 s of a compiler thread, three minutes after start, to save microseconds a second).
     */

    /** Every cell of the back buffer blank, in the normal style. */
    private static void blank(Canvas c) {
        for (int y = 0; y < c.height; y++) {
            c.fill(0, y, c.width, Theme.Role.NORMAL);
        }
    }

    /** The vertical line between the two tables. */
    private static void divider(Canvas c, Layout l, Theme theme) {
        for (int y = l.tablesY() + 1; y < l.tablesY() + 2 + l.tableRows(); y++) {
            c.text(l.splitX(), y, String.valueOf(theme.vline), Theme.Role.NORMAL, 1);
        }
    }

    /**
     * How long since the model on show came, so a running round's timer and bar move between models;
     * not when frozen, nor in a replay (a paused replay's clock stands still).
     */
    static Duration sinceModel(UiState st, long nowNanos) {
        if (st.modelNanos == 0 || st.frozen != null || st.replay != null) {
            return Duration.ZERO;
        }
        // a stalled model must not let the timer run away: a few intervals at most
        long cap = Math.max(1_000_000_000L, 3 * st.interval.toNanos());
        return Duration.ofNanos(Math.max(0, Math.min(cap, nowNanos - st.modelNanos)));
    }
}
