package org.threadlab.sample;

import java.util.Arrays;

/**
 * An immutable run of recent values, oldest first (a sparkline's data). One made by a {@link Ring} is a
 * view of the ring's array, not a copy: the ring only ever writes past the end of every view it gave
 * out (and moves to a new array when full), so a model of 10,000 workers does not copy 10,000 histories
 * of 120 values a tick.
 */
public final class History {
    public static final History EMPTY = new History(new double[0]);

    private final double[] values;
    private final int offset;
    private final int size;

    public History(double[] values) {
        this(values.clone(), 0, values.length);
    }

    /** A view of {@code size} values of {@code shared} from {@code offset}, which nobody writes again. */
    History(double[] shared, int offset, int size) {
        this.values = shared;
        this.offset = offset;
        this.size = size;
    }

    public int size() {
        return size;
    }

    public double get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " of a history of " + size);
        }
        return values[offset + i];
    }

    /** The newest value, or NaN when empty. */
    public double last() {
        return size == 0 ? Double.NaN : values[offset + size - 1];
    }

    public double[] toArray() {
        return Arrays.copyOfRange(values, offset, offset + size);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof History h && Arrays.equals(values, offset, offset + size, h.values, h.offset, h.offset + h.size);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size; i++) {
            long bits = Double.doubleToLongBits(values[offset + i]);
            h = 31 * h + (int) (bits ^ (bits >>> 32));
        }
        return h;
    }

    @Override
    public String toString() {
        return Arrays.toString(toArray());
    }
}
