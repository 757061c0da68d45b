package org.threadlab.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threadlab.model.Round;
import org.threadlab.model.Snapshot;

/**
 * Over the events log, where the class looks without a key: while a round runs, its elapsed time in
 * big digits; once the newest round has ended, its result (figures, verdict, busy-machine note) until
 * the next round starts or Esc hides it. It takes rows from the detail above when the log alone is too
 * low for it.
 */
final class RoundBox {
    private RoundBox() {}

    /** The newest round still running, if any: the one the timer shows. */
    static Optional<Round> running(Snapshot s) {
        List<Round> rounds = s.rounds();
        for (int i = rounds.size() - 1; i >= 0; i--) {
            if (rounds.get(i).running()) {
                return Optional.of(rounds.get(i));
            }
        }
        return Optional.empty();
    }

    /** The newest round, when it has ended and its result was not hidden (Esc). */
    static Optional<Round> result(Snapshot s, UiState st) {
        List<Round> rounds = s.rounds();
        if (rounds.isEmpty()) {
            return Optional.empty();
        }
        Round last = rounds.get(rounds.size() - 1);
        return last.running() || last.id() == st.resultHidden ? Optional.empty() : Optional.of(last);
    }

    static void draw(Canvas c, Layout l, Snapshot s, UiState st, Duration sinceModel) {
        Optional<Round> run = running(s);
        if (run.isPresent()) {
            timer(c, l, run.get(), sinceModel);
            return;
        }
        result(s, st).ifPresent(r -> result(c, l, r, s));
    }

    /** The events' rect, grown upward into the detail right above it (not into a lesson's narration) to give {@code rows} rows. */
    static Layout.Rect area(Layout l, int rows) {
        Layout.Rect e = l.events();
        Layout.Rect d = l.detail();
        boolean detailAbove = d.h() > 0 && d.y() + d.h() == e.y() && d.x() == e.x() && d.w() == e.w();
        int extra = detailAbove ? Math.max(0, Math.min(rows - e.h(), d.h())) : 0;
        return new Layout.Rect(e.x(), e.y() - extra, e.w(), e.h() + extra);
    }

    private static void clear(Canvas c, Layout.Rect r, Theme.Role role) {
        for (int y = r.y(); y < r.y() + r.h(); y++) {
            c.fill(r.x(), y, r.w(), role);
        }
    }

    private static void timer(Canvas c, Layout l, Round r, Duration sinceModel) {
        Layout.Rect a = area(l, 6);
        clear(c, a, Theme.Role.NORMAL);
        c.rule(a.x(), a.y(), a.w(), "Round #" + r.id() + " running: " + RoundText.label(r.info()), Theme.Role.TITLE_FOCUS, -1, c.theme.teeUp);
        Duration elapsed = RoundsView.wall(r, sinceModel);
        String clock = BigDigits.clock(elapsed);
        int rows = BigDigits.rows(a.h() - 1);
        int x = a.x() + 2;
        if (rows == 0) {
            c.text(x, a.y() + 1, "elapsed " + RoundText.time(elapsed), Theme.Role.TITLE, a.w() - 3);
            return;
        }
        List<String> big = BigDigits.lines(clock, rows, c.theme);
        for (int i = 0; i < big.size(); i++) {
            c.text(x, a.y() + 1 + i, big.get(i), Theme.Role.TITLE, a.w() - 3);
        }
        int tx = x + BigDigits.width(clock) + 3;
        int tw = a.x() + a.w() - 1 - tx;
        List<String> side = List.of(elapsed.toSeconds() < 60 ? "seconds" : elapsed.toSeconds() < 3600 ? "minutes:seconds" : "h:mm:ss",
                RoundText.label(r.info()), "cpu so far " + RoundText.cpu(r) + "  cores busy " + RoundText.cores(r.coresBusy()));
        for (int i = 0; i < side.size() && i < big.size() && tw > 6; i++) {
            c.text(tx, a.y() + 1 + i, c.fit(side.get(i), tw), i == 1 ? Theme.Role.TITLE : Theme.Role.NORMAL, tw);
        }
    }

    /** The result's lines at {@code w} columns: figures, verdict, busy-machine note. */
    static List<DetailView.Line> lines(Round r, Snapshot s, int w) {
        List<DetailView.Line> out = new ArrayList<>();
        for (String t : Canvas.wrapLines(RoundText.figures(r, s), w)) {
            out.add(new DetailView.Line(t, Theme.Role.NORMAL));
        }
        if (r.verdict() != null) {
            for (String t : Canvas.wrapLines(r.verdict(), w)) {
                out.add(new DetailView.Line(t, Theme.Role.ON));
            }
        }
        String busy = RoundText.busyNote(r);
        if (busy != null) {
            for (String t : Canvas.wrapLines(busy, w)) {
                out.add(new DetailView.Line(t, Theme.Role.WARN));
            }
        }
        return out;
    }

    private static void result(Canvas c, Layout l, Round r, Snapshot s) {
        int w = l.events().w() - 2;
        List<DetailView.Line> lines = lines(r, s, w);
        Layout.Rect a = area(l, lines.size() + 1);
        clear(c, a, Theme.Role.NORMAL);
        c.rule(a.x(), a.y(), a.w(), "Round #" + r.id() + " ended: " + RoundText.label(r.info()) + "  (Esc hides, R all rounds)",
                Theme.Role.TITLE_FOCUS, -1, c.theme.teeUp);
        int rows = a.h() - 1;
        for (int i = 0; i < lines.size() && i < rows; i++) {
            String text = i == rows - 1 && lines.size() > rows ? lines.get(i).text() + " " + c.theme.ellipsis : lines.get(i).text();
            c.text(a.x() + 1, a.y() + 1 + i, c.fit(text, w), lines.get(i).role(), w);
        }
    }
}
