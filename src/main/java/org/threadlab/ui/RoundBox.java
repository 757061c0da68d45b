package org.threadlab.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threadlab.model.Round;
import org.threadlab.model.RoundLine;
import org.threadlab.model.Snapshot;

/**
 * A panel at the bottom right, where the class looks without a key: while a round runs, its elapsed
 * time in big digits; once the newest round has ended, its result (figures, verdict, busy-machine
 * note) until the next round starts or Esc hides it. It sits beside the events (and the detail, when
 * it needs their rows too), which are drawn narrower rather than hidden: the log goes on being read.
 */
final class RoundBox {
    private RoundBox() {}

    /** What the panel shows, where: {@code round} is timed when running, else its result. */
    record Shown(Round round, Layout.Rect at) {}

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

    /** The panel's width for an area {@code w} wide: half of it, 40 to 60 columns (the log keeps the rest). */
    static int width(int w) {
        return Math.min(w, Math.max(40, Math.min(60, w / 2)));
    }

    /** The panel on show and its rect, if any: the Renderer narrows the panes beside it. */
    static Optional<Shown> shown(Layout l, Snapshot s, UiState st) {
        Optional<Round> r = running(s).or(() -> result(s, st));
        if (r.isEmpty()) {
            return Optional.empty();
        }
        Layout.Rect host = host(l);
        int w = width(host.w());
        int rows = 6;
        if (!r.get().running()) {
            rows = 1 + lines(r.get(), s, w - 3, false).size();
            if (rows > host.h() && l.narration() != null) {
                // in a lesson the result is what the class came to see (at 80x24 the panel has five
                // rows): it takes the whole width, over the log, rather than end in an ellipsis
                w = host.w();
                rows = 1 + lines(r.get(), s, w - 3, false).size();
            }
            rows = 1 + lines(r.get(), s, w - 3, rows < host.h()).size();
        }
        int h = Math.max(1, Math.min(rows, host.h()));
        return Optional.of(new Shown(r.get(), new Layout.Rect(host.x() + host.w() - w, host.y() + host.h() - h, w, h)));
    }

    /** Where the panel may go: the events, and the detail right above them (not a lesson's narration). */
    private static Layout.Rect host(Layout l) {
        Layout.Rect e = l.events();
        Layout.Rect d = l.detail();
        boolean detailAbove = d.h() > 0 && d.y() + d.h() == e.y() && d.x() == e.x() && d.w() == e.w();
        return detailAbove ? new Layout.Rect(e.x(), d.y(), e.w(), d.h() + e.h()) : e;
    }

    /** A pane's rect narrowed to end where the panel begins, where they share rows. */
    static Layout.Rect beside(Layout.Rect pane, Optional<Shown> box) {
        if (box.isEmpty()) {
            return pane;
        }
        Layout.Rect b = box.get().at();
        boolean rows = pane.y() < b.y() + b.h() && b.y() < pane.y() + pane.h();
        boolean cols = pane.x() < b.x() + b.w() && b.x() < pane.x() + pane.w();
        return rows && cols ? new Layout.Rect(pane.x(), pane.y(), Math.max(0, b.x() - pane.x()), pane.h()) : pane;
    }

    static void draw(Canvas c, Optional<Shown> box, Snapshot s, Duration sinceModel) {
        if (box.isEmpty()) {
            return;
        }
        Round r = box.get().round();
        Layout.Rect a = box.get().at();
        for (int y = a.y(); y < a.y() + a.h(); y++) {
            c.fill(a.x(), y, a.w(), Theme.Role.NORMAL);
            c.text(a.x(), y, String.valueOf(c.theme.vline), Theme.Role.NORMAL, 1);
        }
        String title = "#" + r.id() + (r.running() ? " running: " : " ended: ") + RoundText.label(r.info());
        // "Round" where it fits whole: a narrow panel keeps the label rather than the word
        title = title.length() + 6 <= a.w() - 4 ? "Round " + title : title;
        c.rule(a.x(), a.y(), a.w(), title, Theme.Role.TITLE_FOCUS, a.x(), c.theme.topLeft);
        if (r.running()) {
            timer(c, a, r, sinceModel);
        } else {
            result(c, a, r, s);
        }
    }

    private static void timer(Canvas c, Layout.Rect a, Round r, Duration sinceModel) {
        Duration elapsed = RoundsView.wall(r, sinceModel);
        String clock = BigDigits.clock(elapsed);
        int rows = BigDigits.rows(a.h() - 1);
        int x = a.x() + 2;
        if (rows == 0) {
            c.text(x, a.y() + 1, "elapsed " + RoundLine.time(elapsed), Theme.Role.TITLE, a.w() - 3);
            return;
        }
        List<String> big = BigDigits.lines(clock, rows, c.theme);
        for (int i = 0; i < big.size(); i++) {
            c.text(x, a.y() + 1 + i, big.get(i), Theme.Role.TITLE, a.w() - 3);
        }
        int tx = x + BigDigits.width(clock) + 3;
        int tw = a.x() + a.w() - 1 - tx;
        List<String> side = List.of(elapsed.toSeconds() < 60 ? "seconds" : elapsed.toSeconds() < 3600 ? "minutes:seconds" : "h:mm:ss",
                "cpu so far " + RoundLine.cpu(r), "cores busy " + RoundLine.cores(r.coresBusy()));
        for (int i = 0; i < side.size() && i < big.size() && tw > 6; i++) {
            c.text(tx, a.y() + 1 + i, c.fit(side.get(i), tw), Theme.Role.NORMAL, tw);
        }
    }

    /** The result's lines at {@code w} columns: figures, a shared-state outcome, verdict, busy-machine note, and the keys' hint if {@code hint}. */
    static List<DetailView.Line> lines(Round r, Snapshot s, int w, boolean hint) {
        List<DetailView.Line> out = new ArrayList<>();
        for (String t : Canvas.wrapLines(RoundText.figures(r, s), w)) {
            out.add(new DetailView.Line(t, Theme.Role.NORMAL));
        }
        // a shared-state round's point (the lost updates), said in the box rather than only in the log
        String outcome = RoundText.outcome(r, s);
        if (outcome != null) {
            for (String t : Canvas.wrapLines(outcome, w)) {
                out.add(new DetailView.Line(t, Theme.Role.TITLE));
            }
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
        if (hint) {
            out.add(new DetailView.Line("Esc hides this, R lists every round", Theme.Role.DIM));
        }
        return out;
    }

    private static void result(Canvas c, Layout.Rect a, Round r, Snapshot s) {
        int w = a.w() - 3;
        int rows = a.h() - 1;
        // the keys' hint goes first when rows run short: the figures and the verdict matter more
        List<DetailView.Line> lines = lines(r, s, w, true);
        if (lines.size() > rows) {
            lines = lines(r, s, w, false);
        }
        for (int i = 0; i < lines.size() && i < rows; i++) {
            String text = i == rows - 1 && lines.size() > rows ? lines.get(i).text() + " " + c.theme.ellipsis : lines.get(i).text();
            c.text(a.x() + 2, a.y() + 1 + i, c.fit(text, w), lines.get(i).role(), w);
        }
    }
}
