package org.threadlab.sample;

/** A fixed-size ring of the last values, copied out as an immutable {@link History} (cores here, workers in the model). */
public final class Ring {
    public static final int CAPACITY = 120;

    private final double[] values = new double[CAPACITY];
    private int next;
    private int size;

    public void add(double v) {
        values[next] = v;
        next = (next + 1) % CAPACITY;
        size = Math.min(size + 1, CAPACITY);
    }

    public History history() {
        double[] out = new double[size];
        int start = (next - size + CAPACITY) % CAPACITY;
        for (int i = 0; i < size; i++) {
            out[i] = values[(start + i) % CAPACITY];
        }
        return new History(out);
    }
}
