package org.threadlab.text;

import java.util.Locale;

/**
 * One way to write sizes everywhere: {@code 64MiB}, {@code 1GiB}, {@code 512KiB}, {@code 100B}
 * (K/M/G are accepted as the same binary units, since that is what people mean by "64M").
 */
public final class Sizes {
    private Sizes() {}

    public static final long KIB = 1024L;
    public static final long MIB = 1024L * KIB;
    public static final long GIB = 1024L * MIB;
    public static final long TIB = 1024L * GIB;

    /** Parses a size in bytes; throws {@link IllegalArgumentException} with a one-line message. */
    public static long parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty size (write it like 64MiB or 1GiB)");
        }
        String s = text.trim();
        int split = 0;
        while (split < s.length() && (Character.isDigit(s.charAt(split)) || s.charAt(split) == '.')) {
            split++;
        }
        String number = s.substring(0, split);
        String unit = s.substring(split).trim().toLowerCase(Locale.ROOT);
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size (write it like 64MiB or 1GiB)");
        }
        long multiplier = switch (unit) {
            case "b" -> 1;
            case "k", "kib", "kb" -> KIB;
            case "m", "mib", "mb" -> MIB;
            case "g", "gib", "gb" -> GIB;
            case "t", "tib", "tb" -> TIB;
            case "" -> throw new IllegalArgumentException(
                    "'" + text + "' has no unit (write it like " + number + "MiB)");
            default -> throw new IllegalArgumentException(
                    "'" + text + "' has an unknown unit '" + unit + "' (use B, KiB, MiB, GiB or TiB)");
        };
        double bytes = value * multiplier;
        if (bytes > 64 * TIB) {
            throw new IllegalArgumentException("'" + text + "' is absurdly large");
        }
        return Math.round(bytes);
    }

    /** Human size, short: 512B, 12K, 3.1M, 23G (as htop shows memory). */
    public static String compact(long bytes) {
        if (bytes < 0) {
            return "n/a";
        }
        String[] units = {"B", "K", "M", "G", "T"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) {
            return bytes + "B";
        }
        return Decimals.fixed(v, v < 10 ? 1 : 0) + units[u];
    }

    /** Human size in the notation {@link #parse} accepts: 64MiB, 1.5GiB. */
    public static String format(long bytes) {
        if (bytes < 0) {
            return "n/a";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) {
            return bytes + "B";
        }
        String n = Decimals.fixed(v, 1);
        if (n.endsWith(".0")) {
            n = n.substring(0, n.length() - 2);
        }
        return n + units[u];
    }
}
