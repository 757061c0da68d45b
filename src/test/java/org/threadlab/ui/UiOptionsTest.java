package org.threadlab.ui;

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
        assertTrue(UiOptions.detect(S, false, false, false, Map.of()).color());
        assertFalse(UiOptions.detect(S, false, false, true, Map.of()).color());
        assertFalse(UiOptions.detect(S, false, false, false, Map.of("NO_COLOR", "1")).color());
        assertTrue(UiOptions.detect(S, false, false, false, Map.of("NO_COLOR", "")).color(), "empty means unset");
    }

    @Test
    void intervalAtLeast100ms() {
        assertThrows(IllegalArgumentException.class, () -> new UiOptions(Duration.ofMillis(99), false, false, true));
    }
}
