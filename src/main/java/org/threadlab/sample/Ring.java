package org.threadlab.sample;

/**
 * The last {@link #CAPACITY} values (cores here, workers in the model), handed out as immutable
 * {@link History} views without a copy: values are appended to an array twice the capacity, and only
 * when it is full are the last ones moved to a new array (the old one stays with the views that read
 * it). So a history costs a small object a tick, and a new array every {@link #CAPACITY} values.
 */
public final class Ring {
    public static final int CAPACITY = 120;
    private static final int ROOM = 2 * CAPACITY;

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
