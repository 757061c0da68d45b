package org.threadlab.sample;

/**
 * The last {@link #CAPACITY} values (cores here, workers in the model), handed out as immutable
 * {@link History} views without a copy: values are appended to an array a little longer than the
 * capacity, and only when it is full are the last ones moved to a new array (the old one stays with the
 * views that read it). So a history costs a small object a tick, and a new array every {@link #SPARE}
 * values: 40 bytes a tick amortised, where a copy was 1 KiB, for 1,216 bytes held rather than 976.
 */
public final class Ring {
    public static final int CAPACITY = 120;
    /** Room past the capacity: how many values are appended before the ring moves to a new array. */
    static final int SPARE = 32;
    private static final int ROOM = CAPACITY + SPARE;

    private double[] values = new double[ROOM];
    private int start;
    private int end;

    public void add(double v) {
        if (end == values.length) {
            // full: the newest CAPACITY - 1 values move to a fresh array; views of the old one keep it
            double[] fresh = new double[ROOM];
            int keep = CAPACITY - 1;
            System.arraycopy(values, end - keep, fresh, 0, keep);
            values = fresh;
            start = 0;
            end = keep;
        }
        values[end++] = v;
        start = Math.max(start, end - CAPACITY);
    }

    /** How many values it holds (at most {@link #CAPACITY}). */
    public int size() {
        return end - start;
    }

    public History history() {
        return new History(values, start, end - start);
    }
}
