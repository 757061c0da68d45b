package org.threadlab.ui;

import java.util.ArrayList;
import java.util.List;
import org.threadlab.work.Param;

/**
 * Draws the {@code w} dialog: the type, its help wrapped to the box (never cut), the parameter line
 * with a visible cursor (scrolled sideways when longer than the box), the help of the parameter under
 * the cursor, the error, and the keys.
 */
final class WorkloadDialogView {
    static final String PROMPT = "params: ";
    /** Kept whole when the hint is wrapped, three spaces apart. */
    static final List<String> KEYS = List.of("Enter uses it", "Esc cancels", "Left/Right Home/End Ctrl-A/E move",
            "Backspace Delete Ctrl-U/K/W delete");

    private WorkloadDialogView() {}

    static void draw(Canvas c, WorkloadDialog d) {
        int w = Math.min(c.width - 2, 90);
        int in = w - 4;
        List<String> help = wrap(d.type().description(), in);
        // the parameter under the cursor: what it does, its values and its default, from its descriptor
        Param<?> at = d.paramAtCursor();
        List<String> about = at == null ? List.of() : wrap(at.name() + ": " + at.help() + " (" + at.about() + ")", in);
        List<String> error = d.error == null ? List.of() : wrap("error: " + d.error, in);
        List<String> keys = wrap(KEYS, "   ", in);
        int h = 2 + 1 + help.size() + 1 + 1 + about.size() + error.size() + 1 + keys.size();
        int x = (c.width - w) / 2;
        int y = Math.max(0, (c.height - h) / 2);
        c.box(x, y, w, h, "Workload for the next starts");
        int row = y + 1;
        c.text(x + 2, row++, "type:   < " + d.typeName() + " >   Up/Down or Tab change the type", Theme.Role.DIALOG, in);
        for (String line : help) {
            c.text(x + 2, row++, line, Theme.Role.DIALOG, in);
        }
        row++;
        params(c, x + 2, row++, in, d);
        for (String line : about) {
            c.text(x + 2, row++, line, Theme.Role.DIALOG, in);
        }
        for (String line : error) {
            c.text(x + 2, row++, line, Theme.Role.ERROR, in);
        }
        row++;
        for (String line : keys) {
            c.text(x + 2, row++, line, Theme.Role.KEY, in);
        }
    }

    /** The parameter line from (x, y) in {@code w} columns, with the cursor cell in reverse video. */
    private static void params(Canvas c, int x, int y, int w, WorkloadDialog d) {
        c.text(x, y, PROMPT, Theme.Role.DIALOG, w);
        int avail = w - PROMPT.length();
        if (avail < 2) {
            return;
        }
        String p = d.params;
        // the window follows the cursor; the cursor needs a cell of its own after the last character
        int offset = Math.max(0, d.cursor - avail + 1);
        int end = Math.min(p.length(), offset + avail);
        StringBuilder shown = new StringBuilder(p.substring(offset, end));
        if (offset > 0) {
            shown.setCharAt(0, c.theme.ellipsis.charAt(0));
        }
        if (end < p.length() && d.cursor - offset < avail - 1) {
            shown.setCharAt(shown.length() - 1, c.theme.ellipsis.charAt(0));
        }
        int px = x + PROMPT.length();
        c.text(px, y, shown.toString(), Theme.Role.DIALOG, avail);
        int at = d.cursor - offset;
        String under = at < shown.length() ? String.valueOf(shown.charAt(at)) : " ";
        c.text(px + at, y, under, Theme.Role.SELECTED, 1);
    }

    /** Lines of at most {@code w} columns, broken at spaces; a word longer than a line is split. */
    static List<String> wrap(String text, int w) {
        return wrap(Canvas.words(text), " ", w);
    }

    /** Words joined by {@code sep} into lines of at most {@code w} columns. */
    static List<String> wrap(List<String> words, String sep, int w) {
        List<String> out = new ArrayList<>();
        if (w <= 0) {
            return out;
        }
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            while (word.length() > w) {
                if (line.length() > 0) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                out.add(word.substring(0, w));
                word = word.substring(w);
            }
            if (line.length() > 0 && line.length() + sep.length() + word.length() > w) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (!word.isEmpty()) {
                line.append(line.length() > 0 ? sep : "").append(word);
            }
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }
}
