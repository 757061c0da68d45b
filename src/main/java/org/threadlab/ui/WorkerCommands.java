package org.threadlab.ui;

import java.util.List;
import java.util.Optional;
import org.threadlab.work.TypedSpec;
import org.threadlab.worker.Signal;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/**
 * What the screen's keys ask of the workers, and all they may ask: the live {@link SupervisorCommands}
 * does it, a replay's {@link ReplayCommands} says for each that a replay has no workers to change.
 * Every command answers with a {@link Reply} (a status line), never an exception. Those marked
 * "blocks" are called off the UI thread.
 */
public interface WorkerCommands {
    /** False where every command only says why it does nothing (a replay). */
    boolean acts();

    /** Starts {@code n} workers one after another, stopping at the first refusal. Blocks. */
    Reply spawn(WorkerKind kind, int n, TypedSpec spec, boolean daemon);

    /** Asks a worker (the one selected, as it is now) to stop: interrupt, or SIGTERM and SIGKILL after the grace. */
    Reply terminate(WorkerInfo w);

    /** SIGKILL for a process; a thread can only be asked to stop. */
    Reply kill(WorkerInfo w);

    /**
     * Sends a signal to a process worker (the signal menu on one of threadlab's own): TERM and KILL
     * keep {@link #terminate}'s and {@link #kill}'s ways (the grace, then SIGKILL; the events log
     * says so), the others go to its PID as they are. Quick (one kill(2)).
     */
    Reply signal(WorkerInfo w, Signal s);

    /** Sends a signal to a process threadlab did not start (the user confirmed it). Quick (one kill(2)). */
    Reply signal(long pid, Signal s);

    /** Waits for one worker to end. Blocks. */
    Reply join(int id) throws InterruptedException;

    /** Waits for every worker to end. Blocks. */
    Reply joinAll() throws InterruptedException;

    /** Whether the next workers are daemons (quitting kills them rather than waiting). */
    Reply setDaemon(boolean on);

    /** Turns the simulated GIL on or off. */
    Reply setGil(boolean on);

    boolean gil();

    /**
     * Marks a round as the one later rounds' speed-up is measured against; the round already marked
     * goes back to the default (the single-worker round of the same workload).
     */
    Reply markBaseline(int round);

    /** Forgets the workers that ended. */
    Reply clearEnded();

    /** A worker as it is now. */
    Optional<WorkerInfo> worker(int id);

    List<WorkerInfo> workers();

    /** Python's exit rules: waits for non-daemon workers (or kills them), kills daemons. Blocks. */
    void shutdown(boolean kill) throws InterruptedException;
}
