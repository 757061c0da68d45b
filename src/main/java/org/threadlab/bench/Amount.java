package org.threadlab.bench;

import java.util.Locale;

/** A measured quantity and its unit, as one cell of the bench table shows it: "1.72 ms", "0.31 %core", "18.4 KiB". */
public record Amount(double value, String unit) {

    public static Amount ms(double value) {
        return new Amount(value, "ms");
    }

    /** A share of one core, in percent: 1.0 is one hundredth of a core. */
    public static Amount percentOfCore(double value) {
        return new Amount(value, "%core");
    }

    public static Amount kib(double value) {
        return new Amount(value, "KiB");
    }

    public static Amount bytesPerSecond(double value) {
        return new Amount(value, "B/s");
    }

    /** Three significant digits at most, never exponent notation: table cells stay short and comparable. */
    public String text() {
        if (Double.isNaN(value)) {
            return "-";
        }
        double a = Math.abs(value);
        String number = a >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : a >= 10 ? String.format(Locale.ROOT, "%.1f", value)
                : a >= 1 ? String.format(Locale.ROOT, "%.2f", value)
                : String.format(Locale.ROOT, "%.3f", value);
        return number + " " + unit;
    }

    @Override
    public String toString() {
        return text();
    }
}
