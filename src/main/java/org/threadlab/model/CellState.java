package org.threadlab.model;

import org.threadlab.worker.WorkerState;

/** What a thread (or a worker) did in one slice of a timeline: the states a timeline cell can show. */
public enum CellState {
    /** Nothing known: before it started, or not followed then. */
    NONE("no reading"),
    /** On a core (the cell says which). */
    RUNNING("running"),
    /** Runnable, but waiting for a core. */
    RUNNABLE("waiting for a core"),
    /** Holding the simulated GIL (and so running Python-like code). */
    GIL_HELD("holding the GIL"),
    /** Waiting for the simulated GIL. */
    GIL_WAITING("waiting for the GIL"),
    /** Asleep, or waiting on I/O or on a queue. */
    SLEEPING("sleeping or waiting on I/O"),
    /** Blocked on a lock (a Java monitor). */
    LOCKED("blocked on a lock"),
    /** Ended. */
    ENDED("ended");

    private final String words;

    CellState(String words) {
        this.words = words;
    }

    /** The legend's words for it. */
    public String words() {
        return words;
    }

    /**
     * A worker's state over one sampler interval, as a timeline at the refresh interval shows it (a
     * replay, the report): what the model measured, the GIL's books first, since a thread that waited
     * for the GIL most of the interval is the lesson even if it also ran a little.
     */
    public static CellState of(WorkerSample w) {
        return of(w, false);
    }

    /**
     * The same, knowing whether the simulated GIL was on: then a thread the model could not yet measure
     * (its first sample) that reports itself blocked is waiting for the GIL, not on a lock.
     */
    public static CellState of(WorkerSample w, boolean gilOn) {
        WorkerState s = w.state();
        if (s == WorkerState.NEW) {
            return NONE;
        }
        if (s.ended()) {
            return ENDED;
        }
        if (!Double.isNaN(w.gilWaited()) && w.gilWaited() >= 0.5) {
            return GIL_WAITING;
        }
        if (!Double.isNaN(w.gilHeld()) && w.gilHeld() >= 0.5) {
            return GIL_HELD;
        }
        return switch (s) {
            case RUNNING -> "R".equals(w.threadState()) && w.cpuPercent() < 10 ? RUNNABLE : RUNNING;
            case BLOCKED -> Double.isNaN(w.gilWaited()) ? (gilOn ? GIL_WAITING : LOCKED)
                    : w.gilWaited() == 0 ? LOCKED : GIL_WAITING;
            default -> SLEEPING;
        };
    }
}
