package org.threadlab.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import org.threadlab.model.CellState;

/**
 * Glyphs and styles. Every style has a monochrome form that still reads (reverse, bold), and every
 * glyph has an ASCII form, so colour and Unicode help but never carry meaning alone.
 */
final class Theme {
    enum Role { NORMAL, HEADER, TITLE, TITLE_FOCUS, COLUMN, SELECTED, DIM, LOW, MID, HIGH, SPARK, WARN, ERROR, KEY, ON, DIALOG,
        /** A timeline's running cells and core rows, a colour per core (four, round and round); the digit says the core anyway. */
        CORE_A, CORE_B, CORE_C, CORE_D,
        /** A timeline's GIL-holding cells. */
        GIL }

    final boolean ascii;
    final boolean color;
    final UiOptions.Colors colors;
    final char hline;
    final char vline;
    final char teeDown;
    final char teeUp;
    final char topLeft;
    final char topRight;
    final char bottomLeft;
    final char bottomRight;
    final char barFill;
    final char progressFill;
    final char progressEmpty;
    final String spark;
    final String ellipsis;
    /**
     * A timeline cell's glyph per {@link CellState} (by ordinal), RUNNING's being the one for an unknown
     * core (a running cell shows its core). Each state has its own character in ASCII too, so a cell
     * reads with no colour at all; Unicode has shades where they say more.
     */
    private final String cells;

    /** Colour on means the 16 colours of nearly every terminal since xterm. */
    Theme(boolean ascii, boolean color) {
        this(ascii, color ? UiOptions.Colors.ANSI16 : UiOptions.Colors.NONE);
    }

    /** Only colours the terminal has: no bright ones on 8, a 256-colour grey only where TERM says 256. */
    Theme(boolean ascii, UiOptions.Colors colors) {
        this.ascii = ascii;
        this.colors = colors;
        this.color = colors != UiOptions.Colors.NONE;
        hline = ascii ? '-' : '─';
        vline = ascii ? '|' : '│';
        teeDown = ascii ? '+' : '┬';
        teeUp = ascii ? '+' : '┴';
        topLeft = ascii ? '+' : '┌';
        topRight = ascii ? '+' : '┐';
        bottomLeft = ascii ? '+' : '└';
        bottomRight = ascii ? '+' : '┘';
        barFill = '|';
        progressFill = ascii ? '#' : '█';
        progressEmpty = ascii ? '.' : '░';
        spark = ascii ? "_.-=+*#@" : "▁▂▃▄▅▆▇█";
        ellipsis = ascii ? "~" : "…";
        // NONE RUNNING RUNNABLE GIL_HELD GIL_WAITING SLEEPING LOCKED ENDED
        cells = ascii ? " *+G=.L_" : " *░▓=·L×";
    }

    /** The glyph of a timeline cell in this state (a running cell shows its core instead: {@link #core}). */
    char cell(CellState s) {
        return cells.charAt(s.ordinal());
    }

    /** A core as a timeline writes it in one column: 0-9, then a-z; * beyond. */
    static char core(int core) {
        return core < 0 || core >= 36 ? '*' : core < 10 ? (char) ('0' + core) : (char) ('a' + core - 10);
    }

    /** The colour of a core's running cells and row: four colours round and round. */
    static Role coreRole(int core) {
        return core < 0 ? Role.NORMAL : switch (core % 4) {
            case 0 -> Role.CORE_A;
            case 1 -> Role.CORE_B;
            case 2 -> Role.CORE_C;
            default -> Role.CORE_D;
        };
    }

    /** The colour of a timeline cell: the core's when running; waits red, rest dim. Only a help: the glyph says it. */
    static Role cellRole(org.threadlab.model.Cell c) {
        return switch (c.state()) {
            case RUNNING -> coreRole(c.core());
            case GIL_HELD -> Role.GIL;
            case RUNNABLE, GIL_WAITING, LOCKED -> Role.HIGH;
            case SLEEPING, ENDED, NONE -> Role.DIM;
        };
    }

    static Theme of(UiOptions o) {
        return new Theme(o.ascii(), o.colors());
    }

    /**
     * A cell's character in one style, made once. Lanterna's own TextCharacter works out whether it is
     * double width on every call (a Unicode block search and an emoji check on a stream), and a frame
     * asks that of every cell several times (setting it, and twice when the screen compares buffers):
     * at 200x60 that was most of a frame. A glyph answers from a field.
     */
    static final class Glyph extends TextCharacter {
        private final boolean wide;

        Glyph(char c, TextColor fg, TextColor bg, java.util.EnumSet<SGR> modifiers) {
            super(c, fg, bg, modifiers);
            wide = super.isDoubleWidth();
        }

        @Override
        public boolean isDoubleWidth() {
            return wide;
        }

        /** The screen compares every cell with the one on the terminal: an unchanged cell is the very same glyph. */
        @Override
        public boolean equals(Object o) {
            return this == o || super.equals(o);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }

    /** Characters below this have a glyph per role (Latin, punctuation, arrows, box drawing, blocks, shapes). */
    static final int GLYPHS = 0x2c00;
    /** Per role: its style as {@link #apply} sets it, and its glyphs made so far, indexed by character. */
    private final Glyphs[] glyphs = new Glyphs[Role.values().length];

    /** One role's glyphs, each made on first use. */
    static final class Glyphs {
        private final TextColor fg;
        private final TextColor bg;
        private final java.util.EnumSet<SGR> modifiers;
        /** In pages of 256 characters, made as used: ASCII, punctuation, box drawing... a few KiB a style. */
        private final Glyph[][] made = new Glyph[GLYPHS >> 8][];

        private Glyphs(TextGraphics styled) {
            fg = styled.getForegroundColor();
            bg = styled.getBackgroundColor();
            modifiers = java.util.EnumSet.noneOf(SGR.class);
            modifiers.addAll(styled.getActiveModifiers());
        }

        /** The glyph of {@code c} (below {@link #GLYPHS}) in this style. */
        Glyph of(char c) {
            Glyph[] page = made[c >> 8];
            if (page == null) {
                page = new Glyph[256];
                made[c >> 8] = page;
            }
            Glyph g = page[c & 0xff];
            if (g == null) {
                g = new Glyph(c, fg, bg, modifiers);
                page[c & 0xff] = g;
            }
            return g;
        }
    }

    /** A role's glyphs; the style is the one {@link #apply} gives {@code g} (which it leaves so styled). */
    Glyphs glyphs(Role role, TextGraphics g) {
        Glyphs table = glyphs[role.ordinal()];
        if (table == null) {
            apply(g, role);
            table = new Glyphs(g);
            glyphs[role.ordinal()] = table;
        }
        return table;
    }

    void apply(TextGraphics g, Role role) {
        g.clearModifiers();
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
        switch (role) {
            case NORMAL -> { }
            case HEADER -> {
                if (color) {
                    g.setForegroundColor(TextColor.ANSI.BLACK);
                    g.setBackgroundColor(TextColor.ANSI.CYAN);
                } else {
                    g.enableModifiers(SGR.REVERSE);
                }
            }
            case TITLE, COLUMN -> g.enableModifiers(SGR.BOLD);
            case TITLE_FOCUS, SELECTED -> g.enableModifiers(SGR.REVERSE);
            // 8 colours have no grey that reads on every background: dimmed rows say DONE/FAIL/TERM anyway
            case DIM -> fg(g, switch (colors) {
                case INDEXED256 -> new TextColor.Indexed(245);
                case ANSI16 -> TextColor.ANSI.BLACK_BRIGHT;
                default -> TextColor.ANSI.DEFAULT;
            });
            case LOW -> fg(g, TextColor.ANSI.GREEN);
            case MID -> fg(g, TextColor.ANSI.YELLOW);
            case HIGH -> fg(g, TextColor.ANSI.RED);
            case SPARK -> fg(g, TextColor.ANSI.CYAN);
            case WARN -> {
                fg(g, TextColor.ANSI.YELLOW);
                g.enableModifiers(SGR.BOLD);
            }
            case ERROR -> {
                fg(g, TextColor.ANSI.RED);
                g.enableModifiers(SGR.BOLD);
            }
            case KEY -> {
                fg(g, TextColor.ANSI.CYAN);
                g.enableModifiers(SGR.BOLD);
            }
            case ON -> {
                fg(g, TextColor.ANSI.GREEN);
                g.enableModifiers(SGR.BOLD);
            }
            case CORE_A -> fg(g, TextColor.ANSI.GREEN);
            case CORE_B -> fg(g, TextColor.ANSI.CYAN);
            case CORE_C -> fg(g, TextColor.ANSI.BLUE);
            case CORE_D -> fg(g, TextColor.ANSI.MAGENTA);
            case GIL -> {
                fg(g, TextColor.ANSI.YELLOW);
                g.enableModifiers(SGR.BOLD);
            }
            case DIALOG -> {
                if (color) {
                    g.setForegroundColor(colors == UiOptions.Colors.ANSI8 ? TextColor.ANSI.WHITE : TextColor.ANSI.WHITE_BRIGHT);
                    g.setBackgroundColor(TextColor.ANSI.BLUE);
                }
            }
        }
    }

    private void fg(TextGraphics g, TextColor c) {
        if (color) {
            g.setForegroundColor(c);
        }
    }

    /** Green, yellow, red by how busy: the usual meter colours. */
    static Role level(double fraction) {
        if (Double.isNaN(fraction)) {
            return Role.DIM;
        }
        return fraction < 0.5 ? Role.LOW : fraction < 0.85 ? Role.MID : Role.HIGH;
    }
}
