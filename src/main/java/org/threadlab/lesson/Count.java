package org.threadlab.lesson;

/**
 * How many workers a start asks for: a number, or a multiple of the cores found ({@code cores},
 * {@code 2*cores}), so a lesson shows its point on 2 cores and on 16 alike.
 *
 * @param fixed   the number when it is one, else 0
 * @param perCore the multiple of the cores when it is one, else 0
 */
public record Count(int fixed, int perCore) {
    public Count {
        if ((fixed > 0) == (perCore > 0)) {
            throw new IllegalArgumentException("a count is a number or a multiple of the cores");
        }
    }

    public static Count of(int n) {
        return new Count(n, 0);
    }

    public static Count cores(int multiple) {
        return new Count(0, multiple);
    }

    /** The number on a machine with this many cores. */
    public int resolve(int cores) {
        return fixed > 0 ? fixed : perCore * Math.max(1, cores);
    }

    /** As the file says it: "4", "cores", "2*cores". */
    @Override
    public String toString() {
        return fixed > 0 ? Integer.toString(fixed) : perCore == 1 ? "cores" : perCore + "*cores";
    }
}
