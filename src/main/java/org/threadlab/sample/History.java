package org.threadlab.sample;

import java.util.Arrays;

/** An immutable run of recent values, oldest first (a sparkline's data). */
public final class History {
    public static final History EMPTY = new History(new double[0]);

    private final double[] values;

    public History(double[] values) {
        this.values = values.clone();
    }

    public int size() {
        return values.length;
    }

    public double get(int i) {
        return values[i];
    }

    /** The newest value, or NaN when empty. */
    public double last() {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    public double[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof History h && Arrays.equals(values, h.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
