package org.threadlab.ui;

import java.util.Comparator;
import org.threadlab.sample.ProcessRow;
import org.threadlab.text.NaturalOrder;

/**
 * The all-processes view's columns, in the order shown; each is also a sort order ({@code s} cycles,
 * {@code I} reverses). As htop: numbers that one looks for big (CPU%, RSS, threads) sort biggest first,
 * the rest smallest first; ties go by PID.
 */
enum ProcColumn {
    PID("PID", true), USER("USER", false), STATE("S", false), THREADS("THR", true), CPU("CPU%", true), RSS("RSS", true),
    COMMAND("COMMAND", false);

    final String header;
    final boolean right;

    ProcColumn(String header, boolean right) {
        this.header = header;
        this.right = right;
    }

    ProcColumn next() {
        return values()[(ordinal() + 1) % values().length];
    }

    /** The order {@code s} gives (before {@code I}). */
    Comparator<ProcessRow> comparator() {
        Comparator<ProcessRow> byPid = Comparator.comparingLong(ProcessRow::pid);
        Comparator<ProcessRow> c = switch (this) {
            case PID -> byPid;
            case USER -> Comparator.comparing(ProcessRow::user, NaturalOrder.INSTANCE);
            case STATE -> Comparator.comparingInt(r -> stateRank(r.state()));
            case THREADS -> Comparator.comparingInt(ProcessRow::threads).reversed();
            // a process at its first reading has no CPU% yet: last, as 0 would put it among the idle
            case CPU -> Comparator.comparingDouble((ProcessRow r) -> Double.isNaN(r.cpu()) ? -1 : r.cpu()).reversed();
            case RSS -> Comparator.comparingLong(ProcessRow::rss).reversed();
            case COMMAND -> Comparator.comparing(ProcessRow::command, NaturalOrder.INSTANCE);
        };
        return this == PID ? c : c.thenComparing(byPid);
    }

    /** Running first, then waiting on I/O, sleeping, idle kernel threads, stopped, zombies: what needs a look first. */
    private static int stateRank(char s) {
        int i = "RDSITtZX".indexOf(s);
        return i < 0 ? 8 : i;
    }
}
