package org.threadlab.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * Digits five cells high, readable from the back of a classroom: a 3x5 pixel font drawn with full
 * blocks ({@code #} in ASCII mode). Where only three rows are free, pixel rows go two to a cell with
 * half blocks (in ASCII: {@code "} for the top half, {@code _} for the bottom), so the digits keep
 * their shapes rather than being squeezed into ambiguous ones.
 */
final class BigDigits {
    /** Pixel rows of each glyph, '#' set; every glyph is three pixels wide but '.' and ':' (one). */
    private static final String CHARS = "0123456789.:";
    private static final String[][] GLYPHS = {
            {"###", "# #", "# #", "# #", "###"},
            {" # ", "## ", " # ", " # ", "###"},
            {"###", "  #", "###", "#  ", "###"},
            {"###", "  #", "###", "  #", "###"},
            {"# #", "# #", "###", "  #", "  #"},
            {"###", "#  ", "###", "  #", "###"},
            {"###", "#  ", "###", "# #", "###"},
            {"###", "  #", "  #", "  #", "  #"},
            {"###", "# #", "###", "# #", "###"},
            {"###", "# #", "###", "  #", "###"},
            {" ", " ", " ", " ", "#"},
            {" ", "#", " ", "#", " "},
    };

    private BigDigits() {}

    /** Rows the text takes at {@code rowsFree} rows: 5, else 3, else 0 (no room: say it in small). */
    static int rows(int rowsFree) {
        return rowsFree >= 5 ? 5 : rowsFree >= 3 ? 3 : 0;
    }

    /** Columns {@code text} takes: each glyph and a blank column after it but the last. */
    static int width(String text) {
        int w = 0;
        for (char ch : text.toCharArray()) {
            int i = CHARS.indexOf(ch);
            w += (i < 0 ? 3 : GLYPHS[i][0].length()) + 1;
        }
        return Math.max(0, w - 1);
    }

    /** The text's lines at {@code rows} rows (5 or 3): characters outside the font are left blank. */
    static List<String> lines(String text, int rows, Theme t) {
        List<String> pixels = new ArrayList<>();
        for (int y = 0; y < 5; y++) {
            StringBuilder sb = new StringBuilder();
            for (char ch : text.toCharArray()) {
                int i = CHARS.indexOf(ch);
                sb.append(sb.length() == 0 ? "" : " ").append(i < 0 ? "   " : GLYPHS[i][y]);
            }
            pixels.add(sb.toString());
        }
        char full = t.ascii ? '#' : '█';
        List<String> out = new ArrayList<>();
        if (rows >= 5) {
            for (String p : pixels) {
                out.add(p.replace('#', full));
            }
            return out;
        }
        char top = t.ascii ? '"' : '▀';
        char bottom = t.ascii ? '_' : '▄';
        for (int y = 0; y < 5; y += 2) {
            String a = pixels.get(y);
            String b = y + 1 < 5 ? pixels.get(y + 1) : " ".repeat(a.length());
            StringBuilder sb = new StringBuilder();
            for (int x = 0; x < a.length(); x++) {
                boolean up = a.charAt(x) == '#';
                boolean down = b.charAt(x) == '#';
                sb.append(up && down ? full : up ? top : down ? bottom : ' ');
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** Elapsed time as the timer writes it: "8.1" under a minute, "1:05" under an hour, "1:02:03" beyond. */
    static String clock(java.time.Duration d) {
        return org.threadlab.text.Durations.stopwatch(d);
    }
}
