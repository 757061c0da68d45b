package org.threadlab.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.threadlab.model.Round;
import org.threadlab.model.RoundLine;
import org.threadlab.model.Snapshot;

/**
 * The session's rounds side by side, over the tables: one row each with a bar as long as its wall
 * time (the longest fills it), so "1 thread 2.0 s | 4 threads + GIL 8.1 s | 4 processes 2.3 s" reads
 * at a glance; under the list, the selected round's verdict and busy-machine note, whole.
 */
final class RoundsView {
    private static final int MARK_W = 3;
    private static final int ID_W = 4;
    private static final int WALL_W = 7;
    private static final int CPU_W = 7;
    private static final int CORES_W = 5;
    private static final int SPEED_W = 12;
    private static final int MIN_BAR = 8;

    private RoundsView() {}

    /** The selected round's index in {@code rounds} (oldest first): {@code roundSelected} counts from the newest. */
    static int selectedIndex(List<Round> rounds, UiState st) {
        if (rounds.isEmpty()) {
            return -1;
        }
        return Math.max(0, rounds.size() - 1 - Math.max(0, Math.min(st.roundSelected, rounds.size() - 1)));
    }

    static void draw(Canvas c, Layout.Rect r, Snapshot s, UiState st, Duration sinceModel) {
        for (int y = r.y(); y < r.y() + r.h(); y++) {
            c.fill(r.x(), y, r.w(), Theme.Role.NORMAL);
        }
        List<Round> rounds = s.rounds();
        c.rule(r.x(), r.y(), r.w(), "> Rounds (" + rounds.size() + ")  Up/Down select  B baseline  R or Esc close",
                Theme.Role.TITLE_FOCUS, -1, c.theme.teeUp);
        int x = r.x() + 1;
        int w = r.w() - 2;
        if (rounds.isEmpty()) {
            c.wrap(x, r.y() + 1, w, r.h() - 1, "No rounds yet. A round is the workers one key starts together: 4t starts"
                    + " a round of 4 threads, p one of a process. Each gets a row here with its wall time, CPU time,"
                    + " cores busy and speed-up.", Theme.Role.DIM);
            return;
        }
        int sel = selectedIndex(rounds, st);
        Round chosen = rounds.get(sel);
        List<DetailView.Line> about = about(chosen, w);
        int free = Math.max(0, r.h() - 2);
        // the list keeps at least three rows (or all it has: "1 thread | 4 threads + GIL | 4 processes"
        // is the comparison the pane is for); the selected round's words go right under it
        int listRows = Math.min(free, Math.max(Math.min(rounds.size(), 3), free - about.size()));
        if (st.lesson != null) {
            // in a lesson the result box already says the newest round's words, and the class compares
            // the rounds: the GIL lesson's four (the baseline too) stay in view, the words keep a row
            listRows = Math.max(listRows, Math.min(rounds.size(), free - 1));
        }
        int shownRows = Math.min(listRows, rounds.size());
        int aboutRows = Math.min(about.size(), free - shownRows);
        int labelW = Math.max(12, Math.min(34, w / 3));
        int barW = Math.max(MIN_BAR, w - MARK_W - ID_W - labelW - WALL_W - CPU_W - CORES_W - SPEED_W - 6);
        if (MARK_W + ID_W + labelW + barW + WALL_W + CPU_W + CORES_W + SPEED_W + 6 > w) {
            labelW = Math.max(8, w - MARK_W - ID_W - barW - WALL_W - CPU_W - CORES_W - SPEED_W - 6);
        }
        int y = r.y() + 1;
        header(c, x, y, labelW, barW);
        double longest = 1e-9;
        for (Round round : rounds) {
            longest = Math.max(longest, wall(round, sinceModel).toNanos());
        }
        int top = Math.max(0, Math.min(sel - listRows + 1, rounds.size() - listRows));
        top = Math.max(0, Math.min(top, sel));
        for (int i = top; i < rounds.size() && i < top + listRows; i++) {
            Round round = rounds.get(i);
            row(c, x, y + 1 + i - top, w, round, s, i == sel, labelW, barW, wall(round, sinceModel).toNanos() / longest, sinceModel);
        }
        int ay = y + 1 + shownRows;
        for (int i = 0; i < aboutRows; i++) {
            DetailView.Line l = about.get(i);
            String text = i == aboutRows - 1 && about.size() > aboutRows ? l.text() + " " + c.theme.ellipsis : l.text();
            c.text(x, ay + i, c.fit(text, w), l.role(), w);
        }
    }

    /** A running round's wall so far: the model's figure and the time since that model came, so its bar grows between models. */
    static Duration wall(Round r, Duration sinceModel) {
        return r.running() ? r.wall().plus(sinceModel) : r.wall();
    }

    private static void header(Canvas c, int x, int y, int labelW, int barW) {
        StringBuilder sb = new StringBuilder();
        sb.append(" ".repeat(MARK_W)).append(pad("#", ID_W)).append(' ').append(pad("round", labelW)).append(' ')
                .append(pad(barW >= 9 ? "wall time" : "", barW)).append(' ').append(left("wall", WALL_W)).append(' ').append(left("cpu", CPU_W))
                .append(' ').append(left("cores", CORES_W)).append(' ').append(pad("speed-up", SPEED_W));
        c.text(x, y, sb.toString(), Theme.Role.COLUMN);
    }

    private static void row(Canvas c, int x, int y, int w, Round r, Snapshot s, boolean selected, int labelW, int barW,
                            double fraction, Duration sinceModel) {
        Theme t = c.theme;
        boolean base = RoundText.isBaseline(r.id(), s);
        Theme.Role text = selected ? Theme.Role.SELECTED : r.failed() > 0 ? Theme.Role.ERROR : Theme.Role.NORMAL;
        if (selected) {
            c.fill(x - 1, y, w + 2, Theme.Role.SELECTED);
        }
        int cx = x;
        c.cell(cx, y, (selected ? ">" : " ") + (base ? "B" : " "), text, MARK_W, false);
        cx += MARK_W;
        c.cell(cx, y, "#" + r.id(), text, ID_W, false);
        cx += ID_W + 1;
        c.cell(cx, y, RoundText.label(r.info()), text, labelW, false);
        cx += labelW + 1;
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * barW);
        if (r.running()) {
            filled = Math.max(1, filled);
        }
        String bar = String.valueOf(t.progressFill).repeat(filled);
        c.text(cx, y, bar, selected ? Theme.Role.SELECTED : r.running() ? Theme.Role.SPARK : Theme.Role.ON, barW);
        if (r.running() && filled < barW) {
            c.text(cx + filled, y, " running", selected ? Theme.Role.SELECTED : Theme.Role.DIM, barW - filled);
        }
        cx += barW + 1;
        c.cell(cx, y, RoundLine.time(wall(r, sinceModel)), text, WALL_W, true);
        cx += WALL_W + 1;
        c.cell(cx, y, RoundLine.cpu(r), text, CPU_W, true);
        cx += CPU_W + 1;
        c.cell(cx, y, RoundLine.cores(r.coresBusy()), text, CORES_W, true);
        cx += CORES_W + 1;
        c.cell(cx, y, " " + RoundText.speedup(r, s), text, Math.min(SPEED_W, x + w - cx), false);
    }

    /** The selected round's words: its label, peaks and state, its verdict, the busy-machine note, wrapped to {@code w}. */
    static List<DetailView.Line> about(Round r, int w) {
        List<DetailView.Line> out = new ArrayList<>();
        // the peaks first, in the line that is never cut: they are the cheap-threads lesson's point
        String peaks = RoundLine.peaks(r);
        String head = "#" + r.id() + " " + RoundText.label(r.info()) + (peaks.isEmpty() ? "" : " (" + peaks + ")")
                + (r.running() ? ": running" : ": ");
        String verdict = r.running() ? "" : r.verdict() != null ? r.verdict() : "ended";
        for (String l : Canvas.wrapLines(head + verdict, w)) {
            out.add(new DetailView.Line(l, Theme.Role.TITLE));
        }
        String busy = RoundText.busyNote(r);
        if (busy != null) {
            for (String l : Canvas.wrapLines(busy, w)) {
                out.add(new DetailView.Line(l, Theme.Role.WARN));
            }
        }
        return out;
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s.substring(0, w) : s + " ".repeat(w - s.length());
    }

    private static String left(String s, int w) {
        return s.length() >= w ? s.substring(0, w) : " ".repeat(w - s.length()) + s;
    }
}
