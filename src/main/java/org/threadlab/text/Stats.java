package org.threadlab.text;

import java.util.Arrays;

/** The median and percentiles every bench reports, written once so that every figure means the same. */
public final class Stats {
    private Stats() {}

    /** The median (the mean of the two middle values for an even count); NaN for none. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = sorted(values);
        int mid = s.length / 2;
        return s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
    }

    /**
     * The nearest-rank percentile: the smallest value with at least {@code p} of all values at or below
     * it ({@code p} in (0, 1]; 0.9 is p90). A measured value, never one between two; NaN for none.
     */
    public static double percentile(double[] values, double p) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("a percentile is in (0, 1], not " + p);
        }
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = sorted(values);
        return s[Math.min(s.length - 1, (int) Math.ceil(p * s.length) - 1)];
    }

    private static double[] sorted(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s;
    }
}
