package org.threadlab.worker;

/** A worker's life: new, then running (or waiting/blocked while alive), then one of the three ends. */
public enum WorkerState {
    NEW, RUNNING, WAITING, BLOCKED, FINISHED, FAILED, TERMINATED;

    public boolean alive() {
        return this == NEW || this == RUNNING || this == WAITING || this == BLOCKED;
    }

    public boolean ended() {
        return !alive();
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
