package org.threadlab.text;

import java.util.Locale;

/**
 * Numbers written as {@code String.format(Locale.ROOT, "%.Nf")} and {@code "%0Nd"} write them, without a
 * {@link java.util.Formatter}: the screen writes a few hundred numbers a second, and a Formatter parses
 * its pattern with a regular expression each call, allocates a dozen objects, and kept the JIT compiling
 * its code minutes after start (docs/PERFORMANCE.md, "UI's own CPU").
 */
public final class Decimals {
    private Decimals() {}

    /**
     * {@code v} with {@code decimals} digits after the point, exactly as {@code String.format(Locale.ROOT,
     * "%." + decimals + "f", v)} writes it: rounded half up from the shortest decimal that reads back as
     * {@code v} (the digits {@link Double#toString} gives, which the Formatter rounds too), a minus sign for
     * any negative value (-0.0 and -0.01 as "-0.0"), "NaN" and "Infinity" as they are.
     */
    public static String fixed(double v, int decimals) {
        StringBuilder sb = new StringBuilder(24);
        appendFixed(sb, v, decimals);
        return sb.toString();
    }

    /** {@link #fixed} appended to {@code sb}. */
    public static StringBuilder appendFixed(StringBuilder sb, double v, int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals < 0: " + decimals);
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return sb.append(String.format(Locale.ROOT, "%." + decimals + "f", v));
        }
        if (v < 0 || (v == 0 && 1 / v < 0)) {
            sb.append('-');
            v = -v;
        }
        if (v < 1e8 && decimals <= 3) {
            long scale = decimals == 0 ? 1 : decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
            long rounded = rounded(v * scale);
            if (rounded >= 0) {
                return appendScaled(sb, rounded, decimals, scale);
            }
        }
        String s = Double.toString(v);
        // Double.toString: "123.45", or "1.2345E7" / "1.0E-5" (one digit before the point) outside 1e-3..1e7
        int e = s.indexOf('E');
        int exponent = e < 0 ? 0 : Integer.parseInt(s, e + 1, s.length(), 10);
        String mantissa = e < 0 ? s : s.substring(0, e);
        int dot = mantissa.indexOf('.');
        StringBuilder digits = new StringBuilder(mantissa.length() + 8).append(mantissa, 0, dot).append(mantissa, dot + 1, mantissa.length());
        int point = dot + exponent; // the decimal point falls before digits[point]
        while (point <= 0) {
            digits.insert(0, '0');
            point++;
        }
        int keep = point + decimals; // digits kept
        while (digits.length() < keep) {
            digits.append('0');
        }
        boolean up = digits.length() > keep && digits.charAt(keep) >= '5';
        digits.setLength(keep);
        if (up) {
            int i = keep - 1;
            while (i >= 0 && digits.charAt(i) == '9') {
                digits.setCharAt(i, '0');
                i--;
            }
            if (i < 0) {
                digits.insert(0, '1');
                point++;
            } else {
                digits.setCharAt(i, (char) (digits.charAt(i) + 1));
            }
        }
        int start = 0;
        while (start < point - 1 && digits.charAt(start) == '0') {
            start++; // leading zeros, but one digit before the point stays
        }
        sb.append(digits, start, point);
        if (decimals > 0) {
            sb.append('.').append(digits, point, point + decimals);
        }
        return sb;
    }

    /**
     * {@code scaled} (v times 10^decimals, below 10^11) rounded half up as the Formatter rounds v's shortest
     * decimal, or -1 where that cannot be told without the decimal's digits: a fractional part within a
     * thousandth of one half (12.25 to one decimal). v's shortest decimal and the product each lie within
     * two units in the last place of the exact value, under 4e-5 below 10^11: only near a half can the two
     * roundings part, and away from it the product alone decides. Why: the screen writes a few hundred
     * numbers a second, and {@link Double#toString} for each made the JDK's double-to-text code hot enough
     * for C2 to compile it (1,509 bytes of bytecode) a minute or so after start (docs/PERFORMANCE.md, "UI's own CPU").
     */
    static long rounded(double scaled) {
        if (!(scaled >= 0 && scaled < 1e11)) {
            return -1;
        }
        long whole = (long) scaled;
        double fraction = scaled - whole;
        if (Math.abs(fraction - 0.5) < 1e-3) {
            return -1;
        }
        return fraction > 0.5 ? whole + 1 : whole;
    }

    /** {@code whole / scale} with its {@code decimals} digits (scale = 10^decimals). */
    private static StringBuilder appendScaled(StringBuilder sb, long whole, int decimals, long scale) {
        sb.append(whole / scale);
        if (decimals > 0) {
            sb.append('.');
            appendPadded(sb, whole % scale, decimals);
        }
        return sb;
    }

    /** {@code n} (not negative) in at least {@code width} digits, zeros in front: {@code "%0" + width + "d"}. */
    public static String padded(long n, int width) {
        return appendPadded(new StringBuilder(width + 4), n, width).toString();
    }

    /** {@link #padded} appended to {@code sb}. */
    public static StringBuilder appendPadded(StringBuilder sb, long n, int width) {
        if (n < 0) {
            throw new IllegalArgumentException("negative: " + n);
        }
        for (long limit = 10, digits = 1; digits < width; digits++, limit *= 10) {
            if (n < limit) {
                sb.append('0');
            }
        }
        return sb.append(n);
    }
}
