package org.threadlab.ui;

import java.util.List;
import java.util.Optional;
import org.threadlab.work.TypedSpec;
import org.threadlab.worker.Signal;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/**
 * The commands of a replay: there are no workers to change, so each says so, naming the key that
 * asked ("this is a replay: t does nothing"), as a status line rather than an error or an
 * exception. Quitting needs no one: there is nothing to wait for.
 */
public final class ReplayCommands implements WorkerCommands {
    /** The status a worker key gets on a replay. */
    static Reply refusal(String key) {
        return Reply.refused("this is a replay: " + key + " does nothing");
    }

    @Override
    public boolean acts() {
        return false;
    }

    @Override
    public Reply spawn(WorkerKind kind, int n, TypedSpec spec, boolean daemon) {
        return refusal(switch (kind) {
            case THREAD -> "t";
            case VIRTUAL -> "v";
            case PROCESS -> "p";
        });
    }

    @Override
    public Reply terminate(WorkerInfo w) {
        return refusal("k");
    }

    @Override
    public Reply kill(WorkerInfo w) {
        return refusal("K");
    }

    @Override
    public Reply signal(WorkerInfo w, Signal s) {
        return refusal("F9");
    }

    @Override
    public Reply signal(long pid, Signal s) {
        return refusal("F9");
    }

    @Override
    public Reply join(int id) {
        return refusal("j");
    }

    @Override
    public Reply joinAll() {
        return refusal("J");
    }

    @Override
    public Reply setDaemon(boolean on) {
        return refusal("d");
    }

    @Override
    public Reply setGil(boolean on) {
        return refusal("g");
    }

    @Override
    public boolean gil() {
        return false;
    }

    @Override
    public Reply markBaseline(int round) {
        return refusal("B");
    }

    @Override
    public Reply clearEnded() {
        return refusal("c");
    }

    @Override
    public Optional<WorkerInfo> worker(int id) {
        return Optional.empty();
    }

    @Override
    public List<WorkerInfo> workers() {
        return List.of();
    }

    @Override
    public void shutdown(boolean kill) {
        // a replay started nothing: nothing to stop
    }
}
