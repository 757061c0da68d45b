package org.threadlab.text;

import java.time.Duration;
import java.util.Locale;

/**
 * One way to write durations everywhere (CLI options, lesson files, the screen):
 * {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 1m}, {@code 1h}. A bare number is refused
 * because "5" could mean seconds or milliseconds, and a teacher should not have to guess.
 */
public final class Durations {
    private Durations() {}

    /**
     * Parses a duration, also compound ones such as {@code 1m30s}; throws
     * {@link IllegalArgumentException} with a one-line, user-facing message.
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration (write it like 500ms, 2s, 1.5s or 1m)");
        }
        String s = text.trim().toLowerCase(Locale.ROOT);
        double nanos = 0;
        int i = 0;
        while (i < s.length()) {
            int numberStart = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String number = s.substring(numberStart, unitStart);
            String unit = s.substring(unitStart, i).trim();
            double value;
            try {
                value = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a duration (write it like 500ms, 2s, 1.5s or 1m)");
            }
            nanos += value * nanosPerUnit(text, number, unit);
        }
        if (nanos > 365 * 24 * 3600e9) {
            throw new IllegalArgumentException("'" + text + "' is too long (at most a year)");
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    private static double nanosPerUnit(String text, String number, String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m", "min" -> 60e9;
            case "h" -> 3600e9;
            case "" -> throw new IllegalArgumentException(
                    "'" + text + "' has no unit (write it like " + number + "s or " + number + "ms)");
            default -> throw new IllegalArgumentException(
                    "'" + text + "' has an unknown unit '" + unit + "' (use ms, s, m or h)");
        };
    }

    /** Formats compactly, in the same notation {@link #parse} accepts: 250ms, 2s, 1.5s, 2m, 1m30s. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (d.isZero()) {
            return "0s";
        }
        if (ms < 1000 && d.toNanos() % 1_000_000 != 0) {
            // below or between milliseconds: never "0ms" for 500us
            return d.toNanos() % 1000 == 0 ? d.toNanos() / 1000 + "us" : d.toNanos() + "ns";
        }
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return ms % 1000 == 0 ? (ms / 1000) + "s" : trim(Decimals.fixed(ms / 1000.0, 2)) + "s";
        }
        long s = ms / 1000;
        if (s < 3600) {
            return s % 60 == 0 ? (s / 60) + "m" : (s / 60) + "m" + (s % 60) + "s";
        }
        return (s / 3600) + "h" + (s % 3600 / 60 == 0 ? "" : (s % 3600 / 60) + "m");
    }

    /**
     * In milliseconds with a space, as the timeline's text reads: "20 ms", "1.3 ms" (to a tenth).
     */
    public static String millis(Duration d) {
        double ms = d.toNanos() / 1e6;
        return Decimals.fixed(ms, ms == Math.rint(ms) ? 0 : 1) + " ms";
    }

    /**
     * {@link #format} when that reads back to the same duration, else every unit written out
     * ({@code 1m30s500ms}, {@code 1s999ms}): for text that is read again, where rounding would change the value.
     */
    public static String exact(Duration d) {
        String shortForm = format(d);
        if (d.isNegative() || parse(shortForm).equals(d)) {
            return shortForm;
        }
        long n = d.toNanos();
        long[] per = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
        String[] unit = {"h", "m", "s", "ms", "us", "ns"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < per.length; i++) {
            if (n >= per[i]) {
                sb.append(n / per[i]).append(unit[i]);
                n %= per[i];
            }
        }
        return sb.toString();
    }

    /**
     * Elapsed time as a stopwatch writes it: "8.1" under a minute, "1:05" under an hour, "1:02:03" beyond
     * (the round timer's big digits, and a round's times on screen).
     */
    public static String stopwatch(Duration d) {
        long tenths = Math.max(0, d.toMillis()) / 100;
        long secs = tenths / 10;
        if (secs < 60) {
            return secs + "." + tenths % 10;
        }
        if (secs < 3600) {
            return secs / 60 + ":" + Decimals.padded(secs % 60, 2);
        }
        StringBuilder sb = new StringBuilder().append(secs / 3600).append(':');
        Decimals.appendPadded(sb, secs / 60 % 60, 2).append(':');
        return Decimals.appendPadded(sb, secs % 60, 2).toString();
    }

    /** Seconds with two decimals ("2.00s"), the way events and tables report waits and run times. */
    public static String seconds(Duration d) {
        return Decimals.fixed(d.toNanos() / 1e9, 2) + "s";
    }

    /**
     * Uptime as htop writes it, hours always shown so "22:59" cannot be misread as hours:
     * {@code 0:22:59}, {@code 1 day, 03:04:05}, {@code 12 days, 00:00:07}. The header and
     * {@code threadlab snapshot} both write the machine's uptime this way.
     */
    public static String uptime(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long days = s / 86400;
        StringBuilder sb = new StringBuilder(24);
        if (days > 0) {
            sb.append(Words.count(days, "day")).append(", ");
        }
        Decimals.appendPadded(sb, (s % 86400) / 3600, days > 0 ? 2 : 1).append(':');
        Decimals.appendPadded(sb, (s % 3600) / 60, 2).append(':');
        return Decimals.appendPadded(sb, s % 60, 2).toString();
    }

    /** A worker's age, short enough for a table column: 0:12, 1:02:03, 3d04h. */
    public static String clock(Duration d) {
        long s = Math.max(0, d.getSeconds());
        StringBuilder sb = new StringBuilder(10);
        if (s >= 86400) {
            return Decimals.appendPadded(sb.append(s / 86400).append('d'), (s % 86400) / 3600, 2).append('h').toString();
        }
        if (s >= 3600) {
            sb.append(s / 3600).append(':');
            Decimals.appendPadded(sb, (s % 3600) / 60, 2).append(':');
            return Decimals.appendPadded(sb, s % 60, 2).toString();
        }
        return Decimals.appendPadded(sb.append(s / 60).append(':'), s % 60, 2).toString();
    }

    private static String trim(String decimal) {
        String t = decimal;
        while (t.contains(".") && (t.endsWith("0") || t.endsWith("."))) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}
