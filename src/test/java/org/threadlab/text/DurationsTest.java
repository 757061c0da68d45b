package org.threadlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @Test
    void parsesTheDocumentedForms() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(2), Durations.parse("2s"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
        assertEquals(Duration.ofMinutes(1), Durations.parse("1m"));
        assertEquals(Duration.ofHours(1), Durations.parse("1h"));
        assertEquals(Duration.ofMillis(250), Durations.parse(" 250MS "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "abc", "5 parsecs", "-1s", "1.2.3s", "s", "99999999h"})
    void refusesBadInputWithOneLine(String bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad));
        assertTrue(!e.getMessage().contains("\n") && !e.getMessage().isBlank(), e.getMessage());
    }

    @Test
    void noUnitSuggestsOne() {
        assertTrue(Durations.parse("2s").equals(Duration.ofSeconds(2)));
        String msg = assertThrows(IllegalArgumentException.class, () -> Durations.parse("5")).getMessage();
        assertTrue(msg.contains("5s"), msg);
    }

    @Test
    void formatsInTheSameNotationItParses() {
        for (String s : new String[] {"250ms", "2s", "1.5s", "1m", "1m30s", "2h5m", "1h"}) {
            assertEquals(s, Durations.format(Durations.parse(s)));
        }
        assertEquals("2.00s", Durations.seconds(Duration.ofSeconds(2)));
        assertEquals("0:12", Durations.clock(Duration.ofSeconds(12)));
        assertEquals("1:02:03", Durations.clock(Duration.ofSeconds(3723)));
    }

    @Test
    void uptimeAsHtopWritesIt() {
        assertEquals("0:22:59", Durations.uptime(Duration.ofSeconds(22 * 60 + 59)));
        assertEquals("3:04:05", Durations.uptime(Duration.ofSeconds(3 * 3600 + 4 * 60 + 5)));
        assertEquals("1 day, 03:04:05", Durations.uptime(Duration.ofSeconds(86400 + 3 * 3600 + 4 * 60 + 5)));
        assertEquals("12 days, 00:00:07", Durations.uptime(Duration.ofDays(12).plusSeconds(7)));
    }

    @Test
    void agesStayShortForATableColumn() {
        assertEquals("0:00", Durations.clock(Duration.ofMillis(-5)));
        assertEquals("3d04h", Durations.clock(Duration.ofDays(3).plusHours(4).plusMinutes(5)));
    }
}
