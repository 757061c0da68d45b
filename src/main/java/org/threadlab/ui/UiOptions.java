package org.threadlab.ui;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How the screen looks and starts: the sampling interval, the GIL at start, ASCII-only glyphs and
 * colour. {@link #detect} applies the environment's rules (NO_COLOR, a non-UTF-8 locale).
 */
public record UiOptions(Duration interval, boolean gil, boolean ascii, boolean color) {
    public static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    public UiOptions {
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("the interval must be at least 100ms, not " + interval.toMillis() + "ms");
        }
    }

    /** Options from the command line, with ASCII forced by a non-UTF-8 locale and colour off by NO_COLOR. */
    public static UiOptions detect(Duration interval, boolean gil, boolean asciiFlag, boolean noColorFlag, Map<String, String> env) {
        return new UiOptions(interval, gil, asciiFlag || !utf8Locale(env), !noColorFlag && !noColorEnv(env));
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
