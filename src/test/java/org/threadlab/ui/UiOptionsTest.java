package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UiOptionsTest {
    private static final Duration S = Duration.ofSeconds(1);

    @Test
    void asciiWhenTheLocaleIsNotUtf8() {
        assertFalse(UiOptions.detect(S, false, false, false, Map.of("LANG", "en_US.UTF-8")).ascii());
        assertFalse(UiOptions.detect(S, false, false, false, Map.of("LC_ALL", "C.utf8", "LANG", "C")).ascii());
        assertTrue(UiOptions.detect(S, false, false, false, Map.of("LC_ALL", "C", "LANG", "en_US.UTF-8")).ascii(), "LC_ALL wins");
        assertTrue(UiOptions.detect(S, false, false, false, Map.of()).ascii(), "no locale is C");
        assertTrue(UiOptions.detect(S, false, true, false, Map.of("LANG", "en_US.UTF-8")).ascii(), "--ascii");
    }

    @Test
    void noColorFlagOrNonEmptyEnvironmentVariable() {
        Map<String, String> xterm = Map.of("TERM", "xterm-256color");
        assertTrue(UiOptions.detect(S, false, false, false, xterm).color());
        assertFalse(UiOptions.detect(S, false, false, true, xterm).color());
        assertFalse(UiOptions.detect(S, false, false, false, Map.of("TERM", "xterm-256color", "NO_COLOR", "1")).color());
        assertTrue(UiOptions.detect(S, false, false, false, Map.of("TERM", "xterm-256color", "NO_COLOR", "")).color(), "empty means unset");
    }

    @Test
    void termDecidesHowManyColoursAndWhetherBoxesAreUnicode() {
        Map<String, UiOptions.Colors> expected = new java.util.LinkedHashMap<>();
        expected.put("vt100", UiOptions.Colors.NONE);
        expected.put("vt220", UiOptions.Colors.NONE);
        expected.put("xterm-mono", UiOptions.Colors.NONE);
        expected.put("dumb", UiOptions.Colors.NONE);
        expected.put("xterm", UiOptions.Colors.ANSI8);
        expected.put("screen", UiOptions.Colors.ANSI8);
        expected.put("tmux", UiOptions.Colors.ANSI8);
        expected.put("linux", UiOptions.Colors.ANSI8);
        expected.put("xterm-16color", UiOptions.Colors.ANSI16);
        expected.put("xterm-256color", UiOptions.Colors.INDEXED256);
        expected.put("screen-256color", UiOptions.Colors.INDEXED256);
        expected.put("tmux-256color", UiOptions.Colors.INDEXED256);
        expected.forEach((term, colors) -> assertEquals(colors,
                UiOptions.detect(S, false, false, false, Map.of("TERM", term, "LANG", "C.UTF-8")).colors(), term));
        assertEquals(UiOptions.Colors.INDEXED256,
                UiOptions.detect(S, false, false, false, Map.of("TERM", "xterm", "COLORTERM", "truecolor")).colors(), "COLORTERM says more");
        assertEquals(UiOptions.Colors.NONE,
                UiOptions.detect(S, false, false, false, Map.of("TERM", "xterm-256color", "NO_COLOR", "1")).colors());
        assertTrue(UiOptions.detect(S, false, false, false, Map.of("TERM", "vt100", "LANG", "C.UTF-8")).ascii(),
                "a VT100 draws no Unicode boxes, whatever the locale");
        assertFalse(UiOptions.detect(S, false, false, false, Map.of("TERM", "xterm", "LANG", "C.UTF-8")).ascii());
        assertTrue(UiOptions.detect(S, false, false, false, Map.of("TERM", "xterm-256color", "LANG", "C")).ascii(), "the locale still counts");
    }

    @Test
    void intervalAtLeast100ms() {
        assertThrows(IllegalArgumentException.class, () -> new UiOptions(Duration.ofMillis(99), false, false, true));
        // written the way --interval takes it, never "0ms" for a sub-millisecond interval
        assertEquals("the interval must be at least 100ms, not 500us", assertThrows(IllegalArgumentException.class,
                () -> new UiOptions(Duration.ofNanos(500_000), false, false, true)).getMessage());
    }
}
