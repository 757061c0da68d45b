package org.threadlab.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threadlab.text.Durations;
import org.threadlab.text.Words;
import org.threadlab.work.TypedSpec;
import org.threadlab.worker.JoinResult;
import org.threadlab.worker.SpawnRefused;
import org.threadlab.worker.Signal;
import org.threadlab.worker.Signals;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/** The live screen's commands: the supervisor does them, and each reply says in a line what happened. */
public final class SupervisorCommands implements WorkerCommands {
    private final Supervisor supervisor;

    public SupervisorCommands(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public boolean acts() {
        return true;
    }

    @Override
    public Reply spawn(WorkerKind kind, int n, TypedSpec spec, boolean daemon) {
        Supervisor.RoundStart r;
        try {
            r = supervisor.spawnRound(kind, spec, n, daemon);
        } catch (SpawnRefused | IllegalArgumentException e) {
            return new Reply("refused: " + e.getMessage(), true, false);
        }
        List<String> names = new ArrayList<>();
        for (WorkerInfo w : r.workers()) {
            names.add(w.name());
        }
        if (r.refused() != null) {
            // the ones started so far stay: the reply says how many
            return new Reply("refused: " + r.refused() + (names.isEmpty() ? "" : " (started " + names.size() + " of " + n + ")"),
                    true, !names.isEmpty());
        }
        return Reply.done("started " + Words.count(n, kind.noun()) + ": " + String.join(", ", names));
    }

    @Override
    public Reply terminate(WorkerInfo w) {
        supervisor.terminate(w.id());
        return Reply.done(w.kind() == WorkerKind.PROCESS ? "terminating " + w.name() + " (SIGTERM, then SIGKILL after "
                + Durations.format(supervisor.limits().grace()) + ")" : "asking " + w.name() + " to stop (interrupt)");
    }

    @Override
    public Reply kill(WorkerInfo w) {
        supervisor.kill(w.id());
        return Reply.done(w.kind() == WorkerKind.PROCESS ? "killing " + w.name() + " (SIGKILL)"
                : w.name() + " is a thread: it cannot be killed, only asked to stop (interrupted)");
    }

    @Override
    public Reply signal(WorkerInfo w, Signal s) {
        if (w.kind() != WorkerKind.PROCESS) {
            // the menu does not open on one: this is the last guard against signalling threadlab itself
            return Reply.refused(w.name() + " is a thread in threadlab's own JVM: it has no PID of its own to signal");
        }
        if (s == Signal.TERM) {
            return terminate(w);
        }
        if (s == Signal.KILL) {
            return kill(w);
        }
        Signals.Outcome o = Signals.send(w.pid(), s);
        if (!o.sent()) {
            return Reply.refused(o.message());
        }
        String what = switch (s) {
            case STOP -> ": it is paused (state T) until CONT";
            case CONT -> ": it runs again if it was stopped";
            default -> "";
        };
        // a worker's own name first: the user chose it in threadlab's table, not by PID
        return Reply.done(w.name() + ": " + o.message() + what);
    }

    @Override
    public Reply signal(long pid, Signal s) {
        Signals.Outcome o = Signals.send(pid, s);
        return o.sent() ? Reply.done(o.message()) : Reply.refused(o.message());
    }

    @Override
    public Reply join(int id) throws InterruptedException {
        JoinResult r = supervisor.join(id, null);
        return Reply.note("joined " + r.worker().name() + " after " + Durations.seconds(r.waited()) + ": " + r.worker().state().label());
    }

    @Override
    public Reply joinAll() throws InterruptedException {
        long start = System.nanoTime();
        List<JoinResult> r = supervisor.joinAll(null);
        return Reply.note("joined all " + r.size() + " after " + Durations.seconds(Duration.ofNanos(System.nanoTime() - start)));
    }

    @Override
    public Reply setDaemon(boolean on) {
        return Reply.note(on ? "next workers are daemons: quitting kills them"
                : "next workers are not daemons: quitting waits for them (or kills them if you say so)");
    }

    @Override
    public Reply setGil(boolean on) {
        supervisor.setGil(on);
        return Reply.done(on ? "GIL on: CPU work of threads in this JVM takes turns (each process has its own)" : "GIL off");
    }

    @Override
    public boolean gil() {
        return supervisor.gil().isEnabled();
    }

    @Override
    public Reply markBaseline(int round) {
        try {
            if (round != 0 && supervisor.baseline() == round) {
                supervisor.setBaseline(0);
                return Reply.done("baseline: back to the single-worker round of each workload");
            }
            supervisor.setBaseline(round);
        } catch (IllegalArgumentException e) {
            return Reply.refused("refused: " + e.getMessage());
        }
        return Reply.done("baseline: round #" + round + "; speed-ups are now measured against it");
    }

    @Override
    public Reply clearEnded() {
        int n = supervisor.clearEnded();
        return Reply.done("cleared " + Words.count(n, "ended worker"));
    }

    @Override
    public Optional<WorkerInfo> worker(int id) {
        return supervisor.worker(id);
    }

    @Override
    public List<WorkerInfo> workers() {
        return supervisor.workers();
    }

    @Override
    public void shutdown(boolean kill) throws InterruptedException {
        supervisor.shutdown(kill);
    }
}
