package org.threadlab.ui;

import java.util.ArrayList;
import java.util.List;
import org.threadlab.lesson.LessonView;

/**
 * A running lesson's narration, under the tables: the lesson and step, what the teacher says, the
 * question to put to the class, its answer once revealed, notes, and what Space does now. Where the
 * rows run short the narration is cut (an ellipsis says so) before the question, the answer or the hint.
 */
final class NarrationView {
    private NarrationView() {}

    static void draw(Canvas c, Layout.Rect r, LessonView v, int junctionX) {
        for (int y = r.y(); y < r.y() + r.h(); y++) {
            c.fill(r.x(), y, r.w(), Theme.Role.NORMAL);
        }
        c.rule(r.x(), r.y(), r.w(), "Lesson: " + v.title(), Theme.Role.TITLE_FOCUS, junctionX, c.theme.teeUp);
        int w = r.w() - 2;
        List<DetailView.Line> lines = lines(v, w, r.h() - 1, c.theme);
        for (int i = 0; i < lines.size() && i < r.h() - 1; i++) {
            c.text(r.x() + 1, r.y() + 1 + i, c.fit(lines.get(i).text(), w), lines.get(i).role(), w);
        }
    }

    /** The pane's lines for {@code rows} rows at {@code w} columns; the narration gives way first, then the notes. */
    static List<DetailView.Line> lines(LessonView v, int w, int rows, Theme t) {
        List<DetailView.Line> head = List.of(new DetailView.Line("Step " + v.step() + " of " + v.steps() + ": " + v.stepTitle(), Theme.Role.TITLE));
        List<DetailView.Line> say = wrapped(v.say(), w, Theme.Role.NORMAL);
        List<DetailView.Line> ask = new ArrayList<>();
        if (v.question() != null) {
            ask.addAll(wrapped("Ask the class: " + v.question(), w, Theme.Role.WARN));
        }
        if (v.answer() != null) {
            ask.addAll(wrapped("Answer: " + v.answer(), w, Theme.Role.ON));
        }
        List<DetailView.Line> notes = new ArrayList<>();
        for (String n : v.notes()) {
            notes.addAll(wrapped("note: " + n, w, Theme.Role.DIM));
        }
        List<DetailView.Line> hint = List.of(new DetailView.Line(hint(v), Theme.Role.KEY));
        int fixed = head.size() + ask.size() + hint.size();
        int noteRows = Math.min(notes.size(), Math.max(0, rows - fixed - Math.min(say.size(), 1)));
        int sayRows = Math.min(say.size(), Math.max(0, rows - fixed - noteRows));
        List<DetailView.Line> out = new ArrayList<>(head);
        for (int i = 0; i < sayRows; i++) {
            DetailView.Line l = say.get(i);
            out.add(i == sayRows - 1 && sayRows < say.size() ? new DetailView.Line(l.text() + " " + t.ellipsis, l.role()) : l);
        }
        out.addAll(ask);
        // the newest notes matter most: a note is what just went wrong
        out.addAll(notes.subList(notes.size() - noteRows, notes.size()));
        // the hint stays on the last row the pane has, whatever was cut above it
        int room = Math.max(0, rows - hint.size());
        List<DetailView.Line> kept = new ArrayList<>(out.subList(0, Math.min(out.size(), room)));
        kept.addAll(hint);
        return kept;
    }

    /** What the teacher can do now, by phase. */
    static String hint(LessonView v) {
        boolean unanswered = v.question() != null && v.answer() == null;
        return switch (v.phase()) {
            case ASKING -> "Space: run the step (the class answers first)";
            // Space ends a wait (the runner's poll): said, since a clicker's double press would do it unseen
            case RUNNING -> v.waitingFor() != null ? "running: waiting for " + v.waitingFor() + "  (Space: stop waiting)"
                    : "running: waiting for the step's actions";
            case WAITING_KEY -> "Space: go on";
            case DONE -> unanswered ? "Space: reveal the answer" : "Space: next step  (b back, r redo)";
            case FINISHED -> unanswered ? "Space: reveal the answer" : "The lesson is over: b back, r redo, q quit";
        };
    }

    private static List<DetailView.Line> wrapped(String text, int w, Theme.Role role) {
        List<DetailView.Line> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String l : Canvas.wrapLines(text, w)) {
            out.add(new DetailView.Line(l, role));
        }
        return out;
    }
}
