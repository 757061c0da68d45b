package org.threadlab.ui;

import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.graphics.TextGraphics;

/**
 * Clipped, styled text on the back buffer. All text goes through here, so ASCII mode never emits a
 * non-ASCII character, control characters never reach the terminal, and wide characters go through
 * {@code putString} (which knows they take two columns).
 */
final class Canvas {
    final TextGraphics g;
    final Theme theme;
    final int width;
    final int height;

    Canvas(TextGraphics g, Theme theme) {
        this.g = g;
        this.theme = theme;
        this.width = g.getSize().getColumns();
        this.height = g.getSize().getRows();
    }

    /** Draws text from (x, y), cut at {@code maxWidth} columns and at the right edge; returns the columns used. */
    int text(int x, int y, String s, Theme.Role role, int maxWidth) {
        if (y < 0 || y >= height || x >= width || maxWidth <= 0 || s == null || s.isEmpty()) {
            return 0;
        }
        String fitted = TerminalTextUtils.fitString(clean(s), Math.min(maxWidth, width - x));
        theme.apply(g, role);
        g.putString(x, y, fitted);
        return TerminalTextUtils.getColumnWidth(fitted);
    }

    int text(int x, int y, String s, Theme.Role role) {
        return text(x, y, s, role, width - x);
    }

    /** Pads or cuts to exactly {@code w} columns, right-aligned when asked. */
    void cell(int x, int y, String s, Theme.Role role, int w, boolean right) {
        String c = clean(s);
        int len = TerminalTextUtils.getColumnWidth(c);
        if (len > w) {
            c = TerminalTextUtils.fitString(c, Math.max(0, w - 1)) + (w > 0 ? theme.ellipsis : "");
            len = TerminalTextUtils.getColumnWidth(c);
        }
        String pad = " ".repeat(Math.max(0, w - len));
        text(x, y, right ? pad + c : c + pad, role, w);
    }

    void fill(int x, int y, int w, Theme.Role role) {
        if (w > 0) {
            text(x, y, " ".repeat(w), role, w);
        }
    }

    /** A horizontal rule with an optional title, and a junction glyph at {@code junctionX} (or -1). */
    void rule(int x, int y, int w, String title, Theme.Role titleRole, int junctionX, char junction) {
        String line = String.valueOf(theme.hline).repeat(Math.max(0, w));
        text(x, y, line, Theme.Role.NORMAL, w);
        if (junctionX >= x && junctionX < x + w) {
            text(junctionX, y, String.valueOf(junction), Theme.Role.NORMAL, 1);
        }
        if (title != null && !title.isEmpty() && w > 4) {
            text(x + 1, y, " " + title + " ", titleRole, w - 2);
        }
    }

    /** A framed box with a filled inside, for dialogs and the help overlay. */
    void box(int x, int y, int w, int h, String title) {
        Theme t = theme;
        text(x, y, t.topLeft + String.valueOf(t.hline).repeat(Math.max(0, w - 2)) + t.topRight, Theme.Role.DIALOG, w);
        for (int i = 1; i < h - 1; i++) {
            text(x, y + i, t.vline + " ".repeat(Math.max(0, w - 2)) + t.vline, Theme.Role.DIALOG, w);
        }
        text(x, y + h - 1, t.bottomLeft + String.valueOf(t.hline).repeat(Math.max(0, w - 2)) + t.bottomRight, Theme.Role.DIALOG, w);
        if (title != null) {
            text(x + 2, y, " " + title + " ", Theme.Role.TITLE_FOCUS, w - 4);
        }
    }

    String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char r = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? ' ' : theme.ascii && c > 0x7e ? '?' : c;
            if (r != c && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            }
            if (sb != null) {
                sb.append(r);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
