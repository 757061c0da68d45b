package org.threadlab.ui;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.threadlab.sample.Sampler;
import org.threadlab.text.Durations;

/**
 * How the screen looks and starts: the sampling interval, the GIL at start, ASCII-only glyphs, the
 * colours to use and whether the mouse is captured. {@link #detect} applies the environment's rules:
 * what TERM says the terminal can show, the locale (not UTF-8: ASCII) and NO_COLOR.
 *
 * @param mouse capture the mouse (clicks select and sort, the wheel scrolls); off, the terminal keeps
 *              its own selection of text
 */
public record UiOptions(Duration interval, boolean gil, boolean ascii, Colors colors, boolean mouse) {
    /** The slowest the screen samples, on the command line and as + goes: at 1h it would show n/a for an hour. */
    public static final Duration MAX_INTERVAL = Duration.ofSeconds(10);


    /** How many colours the terminal shows, as its terminfo entry says ({@code colors#8}...). */
    public enum Colors { NONE, ANSI8, ANSI16, INDEXED256 }

    public UiOptions {
        if (interval.compareTo(Sampler.MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("the interval must be at least " + Durations.format(Sampler.MIN_INTERVAL) + ", not " + Durations.format(interval));
        }
    }

    /** No mouse: what a test or an embedded screen on a virtual terminal asks for. */
    public UiOptions(Duration interval, boolean gil, boolean ascii, Colors colors) {
        this(interval, gil, ascii, colors, false);
    }

    /** Colour on means 16 colours, which nearly every terminal since xterm shows; no mouse. */
    public UiOptions(Duration interval, boolean gil, boolean ascii, boolean color) {
        this(interval, gil, ascii, color ? Colors.ANSI16 : Colors.NONE);
    }

    public boolean color() {
        return colors != Colors.NONE;
    }

    /**
     * Options from the command line and the environment: ASCII when asked, when the locale is not
     * UTF-8 or when the terminal is a VT100-like one; colours as TERM allows, none with NO_COLOR.
     */
    public static UiOptions detect(Duration interval, boolean gil, boolean asciiFlag, boolean noColorFlag, Map<String, String> env) {
        return detect(interval, gil, asciiFlag, noColorFlag, false, env);
    }

    /** As above; the mouse is captured where the terminal reports it ({@link #reportsMouse}) unless {@code --no-mouse}. */
    public static UiOptions detect(Duration interval, boolean gil, boolean asciiFlag, boolean noColorFlag, boolean noMouseFlag,
                                   Map<String, String> env) {
        String term = env.getOrDefault("TERM", "");
        return new UiOptions(interval, gil, asciiFlag || !utf8Locale(env) || vtTerminal(term),
                noColorFlag || noColorEnv(env) ? Colors.NONE : colors(term, env.getOrDefault("COLORTERM", "")),
                !noMouseFlag && reportsMouse(term));
    }

    /**
     * Whether a terminal of this TERM reports mouse events (xterm's mouse tracking, which xterm,
     * tmux, screen, rxvt, kitty, iTerm2, GNOME's and Windows' terminals all speak): not a dumb one, a
     * DEC VT, or the Linux console (whose mouse is gpm's, not an escape sequence).
     */
    static boolean reportsMouse(String term) {
        String t = term.toLowerCase(Locale.ROOT);
        return !(t.isBlank() || t.equals("dumb") || vtTerminal(t) || t.equals("linux") || t.startsWith("linux-"));
    }

    /**
     * What a TERM name promises, by the terminfo naming conventions: a DEC VT or a {@code -m}/{@code -mono}
     * entry has no colour; {@code -256color} (or COLORTERM=truecolor/24bit, set by terminals that show
     * millions) has 256; {@code -16color} and {@code -88color} 16; any other (xterm, screen, tmux, linux,
     * rxvt, ansi...) the 8 of ANSI, which is what their terminfo entries say.
     */
    static Colors colors(String term, String colorTerm) {
        String t = term.toLowerCase(Locale.ROOT);
        String ct = colorTerm.toLowerCase(Locale.ROOT);
        if (t.isBlank() || t.equals("dumb") || vtTerminal(t) || t.endsWith("-m") || t.endsWith("-mono") || t.contains("-m-")) {
            return Colors.NONE;
        }
        if (t.contains("256color") || t.contains("truecolor") || t.endsWith("-direct") || ct.equals("truecolor") || ct.equals("24bit")) {
            return Colors.INDEXED256;
        }
        if (t.contains("16color") || t.contains("88color")) {
            return Colors.ANSI16;
        }
        return Colors.ANSI8;
    }

    /** vt52, vt100, vt102, vt220...: no colour, and no Unicode box drawing. */
    static boolean vtTerminal(String term) {
        return term.toLowerCase(Locale.ROOT).matches("vt[0-9]+.*");
    }

    /** POSIX precedence: LC_ALL, then LC_CTYPE, then LANG; unset means the C locale, which is not UTF-8. */
    static boolean utf8Locale(Map<String, String> env) {
        for (String key : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = env.get(key);
            if (v != null && !v.isEmpty()) {
                String l = v.toLowerCase(Locale.ROOT);
                return l.contains("utf-8") || l.contains("utf8");
            }
        }
        return false;
    }

    /** https://no-color.org: present and not empty means no colour. */
    static boolean noColorEnv(Map<String, String> env) {
        String v = env.get("NO_COLOR");
        return v != null && !v.isEmpty();
    }
}
