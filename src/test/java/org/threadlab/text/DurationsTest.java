package org.threadlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
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

    /** The formatters as they were written with String.format, before Decimals: the text must not change. */
    private static final class Before {
        static String clock(Duration d) {
            long s = Math.max(0, d.getSeconds());
            if (s >= 86400) {
                return String.format(Locale.ROOT, "%dd%02dh", s / 86400, (s % 86400) / 3600);
            }
            if (s >= 3600) {
                return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
            }
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }

        static String uptime(Duration d) {
            long s = Math.max(0, d.getSeconds());
            long days = s / 86400;
            String clock = String.format(Locale.ROOT, days > 0 ? "%02d:%02d:%02d" : "%d:%02d:%02d", (s % 86400) / 3600, (s % 3600) / 60, s % 60);
            return days == 0 ? clock : Words.count(days, "day") + ", " + clock;
        }

        static String stopwatch(Duration d) {
            long tenths = Math.max(0, d.toMillis()) / 100;
            long secs = tenths / 10;
            if (secs < 60) {
                return secs + "." + tenths % 10;
            }
            if (secs < 3600) {
                return secs / 60 + ":" + String.format(Locale.ROOT, "%02d", secs % 60);
            }
            return secs / 3600 + ":" + String.format(Locale.ROOT, "%02d:%02d", secs / 60 % 60, secs % 60);
        }

        static String seconds(Duration d) {
            return String.format(Locale.ROOT, "%.2fs", d.toNanos() / 1e9);
        }

        static String millis(Duration d) {
            double ms = d.toNanos() / 1e6;
            return (ms == Math.rint(ms) ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms)) + " ms";
        }
    }

    @Test
    void theScreensFormattersWriteWhatStringFormatWrote() {
        SplittableRandom r = new SplittableRandom(13);
        List<Duration> all = new ArrayList<>();
        for (long s = 0; s < 4 * 86400; s += 1 + s / 50) {
            all.add(Duration.ofSeconds(s));
            all.add(Duration.ofSeconds(s, 999_999_999));
        }
        for (int i = 0; i < 20_000; i++) {
            all.add(Duration.ofNanos((long) (Math.pow(10, r.nextDouble() * 15))));
        }
        for (long ms = 0; ms < 200_000; ms += 7) {
            all.add(Duration.ofMillis(ms));
            all.add(Duration.ofNanos(ms * 1_000_000 + 50_000)); // ties at a tenth of a ms
            all.add(Duration.ofNanos(ms * 1_000_000 + 5_000_000)); // ties at a hundredth of a second
        }
        all.addAll(List.of(Duration.ofMillis(-5), Duration.ofSeconds(-3), Duration.ofDays(400).plusHours(23)));
        for (Duration d : all) {
            assertEquals(Before.clock(d), Durations.clock(d), d::toString);
            assertEquals(Before.uptime(d), Durations.uptime(d), d::toString);
            assertEquals(Before.stopwatch(d), Durations.stopwatch(d), d::toString);
            assertEquals(Before.seconds(d), Durations.seconds(d), d::toString);
            assertEquals(Before.millis(d), Durations.millis(d), d::toString);
        }
    }
}
