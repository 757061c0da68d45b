package org.threadlab.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.threadlab.sample.ProcessRow;
import org.threadlab.sample.ProcessTable;

/**
 * The all-processes view's rows: sorted, filtered, flat or as htop's tree, each marked when it is
 * threadlab or one of its descendants. A pure function of the table and the settings, so tests check
 * the order without a screen.
 */
final class ProcRows {
    private ProcRows() {}

    /**
     * One row as shown.
     *
     * @param prefix  the tree's lines before the command ("│  └─ "); empty when flat
     * @param own     threadlab itself or a process under it
     * @param context in a filtered tree, an ancestor kept only to show where a match hangs: dimmed
     */
    record Line(ProcessRow row, String prefix, boolean own, boolean context) {}

    /** Whether a row matches a filter or search text: its command, user or PID holds it (case ignored). */
    static boolean matches(ProcessRow r, String text) {
        if (text.isEmpty()) {
            return true;
        }
        String t = text.toLowerCase(Locale.ROOT);
        return r.command().toLowerCase(Locale.ROOT).contains(t) || r.user().toLowerCase(Locale.ROOT).contains(t)
                || Long.toString(r.pid()).contains(t);
    }

    static List<Line> of(ProcessTable table, long selfPid, ProcColumn sort, boolean reversed, boolean tree, String filter,
                         boolean ascii) {
        if (table == null) {
            return List.of();
        }
        Map<Long, ProcessRow> byPid = new HashMap<>();
        for (ProcessRow r : table.rows()) {
            byPid.put(r.pid(), r);
        }
        Set<Long> own = descendants(table.rows(), byPid, selfPid);
        Comparator<ProcessRow> order = reversed ? sort.comparator().reversed() : sort.comparator();
        if (!tree) {
            List<ProcessRow> rows = new ArrayList<>();
            for (ProcessRow r : table.rows()) {
                if (matches(r, filter)) {
                    rows.add(r);
                }
            }
            rows.sort(order);
            List<Line> out = new ArrayList<>(rows.size());
            for (ProcessRow r : rows) {
                out.add(new Line(r, "", own.contains(r.pid()), false));
            }
            return out;
        }
        // a filtered tree keeps the ancestors of every match, so each match shows where it hangs
        Set<Long> kept = new HashSet<>();
        Set<Long> matched = new HashSet<>();
        for (ProcessRow r : table.rows()) {
            if (matches(r, filter)) {
                matched.add(r.pid());
                ProcessRow p = r;
                int depth = 0;
                while (p != null && kept.add(p.pid()) && depth++ < 4096) {
                    p = parentOf(p, byPid);
                }
            }
        }
        Map<Long, List<ProcessRow>> children = new HashMap<>();
        List<ProcessRow> roots = new ArrayList<>();
        for (ProcessRow r : table.rows()) {
            if (!kept.contains(r.pid())) {
                continue;
            }
            ProcessRow parent = parentOf(r, byPid);
            if (parent == null) {
                roots.add(r);
            } else {
                children.computeIfAbsent(parent.pid(), k -> new ArrayList<>()).add(r);
            }
        }
        roots.sort(order);
        List<Line> out = new ArrayList<>(kept.size());
        Glyphs g = ascii ? Glyphs.ASCII : Glyphs.UNICODE;
        Set<Long> placed = new HashSet<>();
        for (ProcessRow root : roots) {
            walk(root, "", "", children, order, own, matched, g, placed, out);
        }
        return out;
    }

    /** htop's tree lines, and an ASCII stand-in for terminals that need one. */
    private record Glyphs(String tee, String last, String bar, String blank) {
        static final Glyphs UNICODE = new Glyphs("├─ ", "└─ ", "│  ", "   ");
        static final Glyphs ASCII = new Glyphs("|- ", "`- ", "|  ", "   ");
    }

    /** A row, then its children, sorted among themselves, each under the lines that lead to it. */
    private static void walk(ProcessRow r, String prefix, String childIndent, Map<Long, List<ProcessRow>> children,
                             Comparator<ProcessRow> order, Set<Long> own, Set<Long> matched, Glyphs g, Set<Long> placed,
                             List<Line> out) {
        if (!placed.add(r.pid())) {
            return; // a loop in made-up data: each process once
        }
        out.add(new Line(r, prefix, own.contains(r.pid()), !matched.contains(r.pid())));
        List<ProcessRow> kids = children.get(r.pid());
        if (kids == null) {
            return;
        }
        kids.sort(order);
        for (int i = 0; i < kids.size(); i++) {
            boolean last = i == kids.size() - 1;
            walk(kids.get(i), childIndent + (last ? g.last() : g.tee()), childIndent + (last ? g.blank() : g.bar()),
                    children, order, own, matched, g, placed, out);
        }
    }

    /** Its parent among the rows; null for a root (PID 1, kthreadd, or a parent not in the table). */
    private static ProcessRow parentOf(ProcessRow r, Map<Long, ProcessRow> byPid) {
        return r.ppid() == r.pid() ? null : byPid.get(r.ppid());
    }

    /** threadlab and every process under it (its workers, spares, an exec watchdog and its program). */
    private static Set<Long> descendants(List<ProcessRow> rows, Map<Long, ProcessRow> byPid, long selfPid) {
        Set<Long> own = new HashSet<>();
        for (ProcessRow r : rows) {
            ProcessRow p = r;
            int depth = 0;
            while (p != null && depth++ < 4096) {
                if (p.pid() == selfPid) {
                    own.add(r.pid());
                    break;
                }
                p = parentOf(p, byPid);
            }
        }
        return own;
    }

    /**
     * The index of the next row after {@code from} that the search text matches, wrapping round (htop's
     * F3); {@code from} itself last. -1 when none does.
     */
    static int next(List<Line> lines, String text, int from, int step) {
        int n = lines.size();
        if (text.isEmpty() || n == 0) {
            return -1;
        }
        for (int k = 1; k <= n; k++) {
            int i = Math.floorMod(from + step * k, n);
            if (matches(lines.get(i).row(), text)) {
                return i;
            }
        }
        return -1;
    }
}
