package org.threadlab.ui;

import java.util.ArrayList;
import java.util.List;
import org.threadlab.worker.Signal;

/**
 * The list boxes htop opens from its F-keys: the signal menu (F9) and the sort-by menu (F6). A
 * titled box in the middle of the screen, one line per choice with the selected one highlighted,
 * and a last line saying which keys act (or the question the signal menu asks).
 */
final class MenuView {
    private MenuView() {}

    /** The signal menu: "15 TERM  ask to end (the polite way)", as htop lists the numbers first. */
    static void signals(Canvas c, SignalMenu m) {
        List<String> lines = new ArrayList<>();
        for (Signal s : SignalMenu.SIGNALS) {
            String n = s.number().map(String::valueOf).orElse("?");
            lines.add(" ".repeat(Math.max(0, 2 - n.length())) + n + " " + pad(s.name(), 4) + "  " + s.meaning());
        }
        String keys = m.confirming() ? m.question() : "Enter send   Esc cancel";
        draw(c, "Send signal to " + m.target().label(), lines, m.selected(), keys, m.confirming());
    }

    /** The sort-by menu: the columns the tables sort by, the current one marked with its direction. */
    static void sort(Canvas c, UiState st) {
        List<String> lines = new ArrayList<>();
        for (SortKey k : SortKey.values()) {
            String mark = k == st.sort ? (st.sortReversed ? " (reversed)" : " (now)") : "";
            lines.add(k.label + mark);
        }
        draw(c, "Sort by", lines, st.sortMenuSelected, "Enter sort (again: reverse)   Esc cancel", false);
    }

    private static void draw(Canvas c, String title, List<String> lines, int selected, String keys, boolean asking) {
        int widest = Math.max(title.length() + 4, keys.length());
        for (String l : lines) {
            widest = Math.max(widest, l.length());
        }
        int w = Math.min(c.width - 2, widest + 4);
        int h = Math.min(c.height, lines.size() + 4);
        int x = (c.width - w) / 2;
        int y = Math.max(0, (c.height - h) / 2);
        c.box(x, y, w, h, title);
        int inner = w - 4;
        for (int i = 0; i < lines.size() && i < h - 4; i++) {
            Theme.Role role = i == selected ? Theme.Role.SELECTED : Theme.Role.DIALOG;
            c.text(x + 1, y + 1 + i, " " + pad(lines.get(i), inner + 1), role, inner + 2);
        }
        c.text(x + 2, y + h - 2, c.fit(keys, inner), asking ? Theme.Role.WARN : Theme.Role.KEY, inner);
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    /** The menu open, if one is: they draw from the UI state alone. */
    static void draw(Canvas c, UiState st) {
        if (st.overlay == UiState.Overlay.SIGNAL && st.signalMenu.target() != null) {
            signals(c, st.signalMenu);
        } else if (st.overlay == UiState.Overlay.SORT) {
            sort(c, st);
        }
    }
}
