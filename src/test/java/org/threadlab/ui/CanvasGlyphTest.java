package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.TerminalScreen;
import org.junit.jupiter.api.Test;

/** Canvas writes narrow text as cached glyphs: the cells must be exactly what Lanterna's putString makes. */
class CanvasGlyphTest {
    private static final String[] TEXTS = {
        "sleep-942 20710 21688 WAIT",
        "─ > Threads in pid 20710 ┬ █░░ ▁▂▃ … · ± é ü",
        "名前-12 wide",           // CJK: two columns each, through putString
        "ok 😀 emoji",            // a surrogate pair
        "e\u0301 combining",      // a combining mark
        "tab\there\u0007bell",   // control characters, cleaned
        "x".repeat(50),           // cut at the room
    };

    @Test
    void narrowAndWideTextMakeTheSameCellsAsPutString() throws Exception {
        for (boolean ascii : new boolean[] {false, true}) {
            for (Theme.Role role : new Theme.Role[] {Theme.Role.NORMAL, Theme.Role.SELECTED, Theme.Role.WARN, Theme.Role.DIM}) {
                for (String s : TEXTS) {
                    TerminalScreen viaCanvas = Fixtures.screen(Fixtures.terminal(40, 3));
                    Theme theme = new Theme(ascii, true);
                    Canvas c = new Canvas(viaCanvas.newTextGraphics(), theme);
                    c.fill(0, 1, 40, Theme.Role.NORMAL);
                    int used = c.text(3, 1, s, role, 30);

                    TerminalScreen viaLanterna = Fixtures.screen(Fixtures.terminal(40, 3));
                    var g = viaLanterna.newTextGraphics();
                    Theme plain = new Theme(ascii, true);
                    plain.apply(g, Theme.Role.NORMAL);
                    g.putString(0, 1, " ".repeat(40));
                    String fitted = TerminalTextUtils.fitString(c.clean(s), 30);
                    plain.apply(g, role);
                    g.putString(3, 1, fitted);

                    assertEquals(TerminalTextUtils.getColumnWidth(fitted), used, s);
                    for (int x = 0; x < 40; x++) {
                        String where = s + " (" + role + (ascii ? ", ascii" : "") + ") column " + x;
                        assertSame(viaLanterna.getBackCharacter(x, 1), viaCanvas.getBackCharacter(x, 1), where);
                    }
                }
            }
        }
    }

    /** Same character, colours and modifiers (TextCharacter.equals also compares the class). */
    private static void assertSame(TextCharacter want, TextCharacter got, String where) {
        assertEquals(want.getCharacterString(), got.getCharacterString(), where);
        assertEquals(want.getForegroundColor(), got.getForegroundColor(), where);
        assertEquals(want.getBackgroundColor(), got.getBackgroundColor(), where);
        assertEquals(want.getModifiers(), got.getModifiers(), where);
    }
}
