package org.threadlab.ui;

import java.util.List;
import org.threadlab.worker.Signal;

/**
 * The signal menu (F9, or k on a process threadlab did not start), as htop's: the eight signals with
 * their numbers, one of them selected; for a process threadlab did not start, the question that
 * follows the choice. It only holds the choice: the keys hand it to the commands, which send.
 */
final class SignalMenu {
    /** The signals in the menu's order: the ones that end a process first, as htop lists TERM first. */
    static final List<Signal> SIGNALS = List.of(Signal.TERM, Signal.INT, Signal.HUP, Signal.KILL, Signal.STOP, Signal.CONT,
            Signal.USR1, Signal.USR2);

    /**
     * What the menu is about: a process by PID and name; {@code workerId} the threadlab worker that
     * process is (0: none, e.g. a warm spare); {@code ours} whether threadlab started it: one it did not
     * start is only signalled after a y.
     */
    record Target(long pid, String name, int workerId, boolean ours) {
        /** "PID 4242 (sleep)", or a worker's name with its PID: "p2 (PID 4242)". */
        String label() {
            return workerId != 0 ? name + " (PID " + pid + ")" : "PID " + pid + (name.isEmpty() ? "" : " (" + name + ")");
        }
    }

    private Target target;
    private int selected;
    private boolean confirming;

    void open(Target t) {
        target = t;
        selected = 0;
        confirming = false;
    }

    Target target() {
        return target;
    }

    int selected() {
        return selected;
    }

    Signal signal() {
        return SIGNALS.get(selected);
    }

    /** Up/Down: within the list's ends. */
    void move(int delta) {
        selected = Math.max(0, Math.min(SIGNALS.size() - 1, selected + delta));
    }

    void select(int index) {
        selected = Math.max(0, Math.min(SIGNALS.size() - 1, index));
    }

    boolean confirming() {
        return confirming;
    }

    void confirm(boolean on) {
        confirming = on;
    }

    /** The question asked before a process threadlab did not start gets a signal: "send TERM to PID 4242 (sleep)? y/n". */
    String question() {
        return "send " + signal().name() + " to " + target.label() + "? y/n";
    }
}
