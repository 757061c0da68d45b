package org.threadlab.ui;

import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.ArrayList;
import java.util.List;

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
        return put(x, y, clean(s), role, maxWidth);
    }

    /** {@link #text} of a clean string. */
    private int put(int x, int y, String clean, Theme.Role role, int maxWidth) {
        if (y < 0 || y >= height || x >= width || maxWidth <= 0 || clean.isEmpty()) {
            return 0;
        }
        int room = Math.min(maxWidth, width - x);
        Theme.Glyphs glyphs = theme.glyphs(role, g);
        int n = Math.min(room, clean.length());
        if (narrow(clean, n, glyphs)) {
            // one column a character: the cell's glyph, made once per style (see Theme.Glyph), straight into the buffer
            for (int i = 0; i < n; i++) {
                g.setCharacter(x + i, y, glyphs.of(clean.charAt(i)));
            }
            return n;
        }
        String fitted = TerminalTextUtils.fitString(clean, room);
        theme.apply(g, role);
        g.putString(x, y, fitted);
        return TerminalTextUtils.getColumnWidth(fitted);
    }

    /** The columns {@code s} (already clean) takes: its length when every character is narrow, else as Lanterna counts. */
    int columns(String s) {
        return narrow(s, s.length(), theme.glyphs(Theme.Role.NORMAL, g)) ? s.length() : TerminalTextUtils.getColumnWidth(s);
    }

    /**
     * True when the first {@code n} characters each take one column and stand alone (no combining
     * marks, surrogates or wide characters): what {@code putString} would then do is one glyph per
     * column, which {@link #text} does without it. Anything else goes through Lanterna as before.
     */
    private static boolean narrow(String s, int n, Theme.Glyphs glyphs) {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= Theme.GLYPHS || c < 0x20 || (c >= 0x0300 && c < 0x2000) || glyphs.of(c).isDoubleWidth()) {
                return false;
            }
        }
        return true;
    }

    int text(int x, int y, String s, Theme.Role role) {
        return text(x, y, s, role, width - x);
    }

    /** Word-wraps text into {@code w} columns from (x, y), at most {@code h} lines; returns the lines used. */
    int wrap(int x, int y, int w, int h, String s, Theme.Role role) {
        List<String> lines = wrapLines(clean(s), w);
        int n = Math.min(h, lines.size());
        for (int i = 0; i < n; i++) {
            text(x, y + i, lines.get(i), role, w);
        }
        return n;
    }

    /** Lines of at most {@code w} columns, broken at spaces; a word longer than a line is split. */
    static List<String> wrapLines(String s, int w) {
        List<String> out = new ArrayList<>();
        if (w <= 0) {
            return out;
        }
        StringBuilder line = new StringBuilder();
        for (String word : words(s)) {
            while (TerminalTextUtils.getColumnWidth(word) > w) {
                if (line.length() > 0) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                String head = TerminalTextUtils.fitString(word, w);
                out.add(head);
                word = word.substring(head.length());
            }
            int need = TerminalTextUtils.getColumnWidth(line.toString()) + (line.length() > 0 ? 1 : 0) + TerminalTextUtils.getColumnWidth(word);
            if (line.length() > 0 && need > w) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (!word.isEmpty()) {
                line.append(line.length() > 0 ? " " : "").append(word);
            }
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    /**
     * The words of {@code s} as {@code s.trim().split(" +")} gives them (one empty word for a blank text),
     * without the regular expression: a round's result box wraps its text every frame.
     */
    static List<String> words(String s) {
        String t = s.trim();
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < t.length()) {
            int end = t.indexOf(' ', i);
            if (end < 0) {
                end = t.length();
            }
            out.add(t.substring(i, end));
            i = end;
            while (i < t.length() && t.charAt(i) == ' ') {
                i++;
            }
        }
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }

    /** Pads or cuts to exactly {@code w} columns, right-aligned when asked. */
    void cell(int x, int y, String s, Theme.Role role, int w, boolean right) {
        String c = fit(s, w);
        int len = columns(c);
        String pad = " ".repeat(Math.max(0, w - len));
        // fit cleaned it already
        put(x, y, right ? pad + c : c + pad, role, w);
    }

    /** The text cut to {@code w} columns, its last column an ellipsis when it was cut, so a cut never reads as whole. */
    String fit(String s, int w) {
        String c = clean(s);
        if (columns(c) <= w) {
            return c;
        }
        return w <= 0 ? "" : TerminalTextUtils.fitString(c, w - 1) + theme.ellipsis;
    }

    /**
     * Like {@link #fit}, but a name's distinguishing end stays: {@code sleep-942} in 8 columns is
     * {@code sle…-942}, not {@code sleep-9…} (which a hundred workers share).
     */
    String fitKeepingEnd(String s, int w) {
        String c = clean(s);
        if (columns(c) <= w) {
            return c;
        }
        java.util.regex.Matcher m = DISTINGUISHING_END.matcher(c);
        if (m.find() && m.start() > 0 && c.length() - m.start() + 2 <= w) {
            String end = c.substring(m.start());
            return TerminalTextUtils.fitString(c.substring(0, m.start()), w - 1 - end.length()) + theme.ellipsis + end;
        }
        return fit(c, w);
    }

    /**
     * A trailing number and the separator before it: what tells cpu-12 from cpu-13; a pool member's
     * two numbers (pool-12.3) count as one end.
     */
    private static final java.util.regex.Pattern DISTINGUISHING_END = java.util.regex.Pattern.compile("[-_#.:/ ]?[0-9]+(\\.[0-9]+)?$");

    void fill(int x, int y, int w, Theme.Role role) {
        if (w <= 0 || y < 0 || y >= height || x >= width) {
            return;
        }
        Theme.Glyph blank = theme.glyphs(role, g).of(' ');
        for (int i = Math.max(0, x); i < Math.min(width, x + w); i++) {
            g.setCharacter(i, y, blank);
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

    /**
     * An ASCII stand-in, one for one, for the typography of threadlab's own text (the timeline's note
     * reads "20 ms slices · CPU to ±4 ms"): '?' only for what has none, where a '?' would read as a doubt.
     */
    static char ascii(char c) {
        return switch (c) {
            case '·', '•', '–', '—', '─' -> '-';
            case '±', '≈', '…' -> '~';
            case '×' -> 'x';
            case '→' -> '>';
            case '←' -> '<';
            case 'µ', 'μ' -> 'u';
            case '≤' -> '<';
            case '≥' -> '>';
            default -> '?';
        };
    }

    String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char r = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? ' ' : theme.ascii && c > 0x7e ? ascii(c) : c;
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
