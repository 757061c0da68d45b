package org.threadlab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threadlab.model.Snapshot;
import org.threadlab.model.WorkerSample;
import org.threadlab.work.TypedSpec;
import org.threadlab.worker.Signal;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/** Worker commands that only write down what they were asked, over a fixed snapshot's workers: what a key sent, and to whom. */
final class FakeCommands implements WorkerCommands {
    final List<String> asked = new ArrayList<>();
    private final Snapshot s;

    FakeCommands(Snapshot s) {
        this.s = s;
    }

    private Reply note(String what) {
        asked.add(what);
        return Reply.note("did " + what);
    }

    @Override
    public boolean acts() {
        return true;
    }

    @Override
    public Reply spawn(WorkerKind kind, int n, TypedSpec spec, boolean daemon) {
        return note("spawn");
    }

    @Override
    public Reply terminate(WorkerInfo w) {
        return note("terminate " + w.name());
    }

    @Override
    public Reply kill(WorkerInfo w) {
        return note("kill " + w.name());
    }

    @Override
    public Reply signal(WorkerInfo w, Signal sig) {
        return note(sig.name() + " " + w.name());
    }

    @Override
    public Reply signal(long pid, Signal sig) {
        return note(sig.name() + " " + pid);
    }

    @Override
    public Reply join(int id) {
        return note("join");
    }

    @Override
    public Reply joinAll() {
        return note("join all");
    }

    @Override
    public Reply setDaemon(boolean on) {
        return note("daemon");
    }

    @Override
    public Reply setGil(boolean on) {
        return note("gil");
    }

    @Override
    public boolean gil() {
        return false;
    }

    @Override
    public Reply markBaseline(int round) {
        return note("baseline");
    }

    @Override
    public Reply clearEnded() {
        return note("clear");
    }

    @Override
    public Optional<WorkerInfo> worker(int id) {
        return s.worker(id).map(WorkerSample::info);
    }

    @Override
    public List<WorkerInfo> workers() {
        return s.workers().stream().map(WorkerSample::info).toList();
    }

    @Override
    public void shutdown(boolean kill) {
        asked.add("shutdown");
    }
}
