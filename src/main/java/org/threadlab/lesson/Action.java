package org.threadlab.lesson;

import java.time.Duration;
import java.util.List;
import org.threadlab.work.TypedSpec;
import org.threadlab.worker.WorkerKind;

/**
 * One thing a lesson step does. Each carries the line of its file it was read from, so a runtime
 * problem (a spawn refused) names it as a parse error would.
 */
public sealed interface Action {
    int line();

    /** Which workers a join, terminate or kill acts on: the step's latest round, or every live worker. */
    enum Target { ROUND, ALL }

    /** What a wait waits for. */
    enum Until { TIME, ROUND, KEY }

    /** What a show puts on screen: the latest round's summary, the rounds pane, or the timeline pane. */
    enum View { ROUND, ROUNDS, TIMELINE }

    /** {@code start: 2*cores threads cpu units=0.5}: one round of {@code count} workers. */
    record Start(int line, Count count, WorkerKind kind, TypedSpec spec, boolean daemon) implements Action {}

    /**
     * {@code python: busy_threads.py 3}: one of the shipped Python demos, run by {@code python3} as an exec
     * worker (a round of one process). Without python3 on the PATH the step says so and goes on.
     */
    record Python(int line, String program, List<String> args) implements Action {
        public Python {
            args = List.copyOf(args);
        }
    }

    /** {@code gil: on|off}: the simulated GIL for the workers started after it. */
    record Gil(int line, boolean on) implements Action {}

    /** {@code wait: 2s | round | key}: a time, the end of the step's latest round, or the teacher's key. */
    record Wait(int line, Until until, Duration time) implements Action {}

    /** {@code join: round|all}: waits until they have ended (as Thread.join / Process.join do). */
    record Join(int line, Target target) implements Action {}

    /** {@code terminate: round|all}: asks them to stop (a process: SIGTERM; a thread: interrupt). */
    record Terminate(int line, Target target) implements Action {}

    /** {@code kill: round|all}: SIGKILL for processes; a thread can only be asked to stop. */
    record Kill(int line, Target target) implements Action {}

    /** {@code clear}: ended workers leave the table. */
    record Clear(int line) implements Action {}

    /** {@code show: round|rounds|timeline}: the latest round's summary, the rounds pane, or the timeline pane. */
    record Show(int line, View view) implements Action {}

    /** {@code baseline: round}: the step's latest round becomes the baseline later rounds are compared with. */
    record Baseline(int line) implements Action {}
}
