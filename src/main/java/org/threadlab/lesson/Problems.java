package org.threadlab.lesson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The mistakes found in one lesson file, each with its line; thrown together, in line order, capped. */
final class Problems {
    /** A teacher fixes a file in one go, but a wrong file (not a lesson at all) should not fill the terminal. */
    static final int CAP = 20;

    private record Problem(int line, String text) {}

    private final String source;
    private final List<Problem> found = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    void add(int line, String text) {
        found.add(new Problem(line, text));
    }

    boolean any() {
        return !found.isEmpty();
    }

    boolean at(int line) {
        for (Problem p : found) {
            if (p.line == line) {
                return true;
            }
        }
        return false;
    }

    /** Throws them all as one exception, when there are any. */
    void throwIfAny() {
        if (found.isEmpty()) {
            return;
        }
        List<Problem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Problem::line)); // stable: the order found within a line stays
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < sorted.size() && i < CAP; i++) {
            lines.add(source + ":" + sorted.get(i).line + ": " + sorted.get(i).text);
        }
        if (sorted.size() > CAP) {
            int more = sorted.size() - CAP;
            lines.add(source + ": and " + more + " more " + (more == 1 ? "mistake" : "mistakes") + " after these");
        }
        throw new LessonFileException(lines);
    }
}
