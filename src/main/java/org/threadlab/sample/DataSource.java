package org.threadlab.sample;

import java.util.Locale;

/**
 * Which reader makes the sampler's figures ({@code --source}): the kernel's /proc files read by hand,
 * OSHI's portable API, or the best one on this machine ({@link #AUTO}: /proc where there is one, since it
 * is measured cheaper per tick and has each thread's last core; OSHI elsewhere). docs/SAMPLER.md has the figures.
 */
public enum DataSource {
    PROC, OSHI, AUTO;

    /** The name on the command line and on the screen: proc, oshi, auto. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From the command line's word; IllegalArgumentException naming the choices for anything else. */
    public static DataSource parse(String word) {
        for (DataSource s : values()) {
            if (s.label().equals(word)) {
                return s;
            }
        }
        throw new IllegalArgumentException("--source must be oshi, proc or auto, not " + (word == null || word.isEmpty() ? "nothing" : "'" + word + "'"));
    }
}
