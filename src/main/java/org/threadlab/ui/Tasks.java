package org.threadlab.ui;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Where commands that take time run, so the UI thread never waits: spawns on the actions executor
 * (one after another, in the order typed), joins on threads of their own (they wait for workers and
 * can be cancelled), quitting on a thread of its own. Each reports back through the inbox.
 */
final class Tasks {
    private final Executor actions;
    private final ExecutorService waits;
    private final Consumer<UiEvent> post;

    Tasks(Executor actions, Consumer<UiEvent> post) {
        this.actions = actions;
        this.post = post;
        this.waits = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "threadlab-ui-wait");
            t.setDaemon(true);
            return t;
        });
    }

    void post(UiEvent e) {
        post.accept(e);
    }

    /** Runs a command on the actions executor. */
    void act(Runnable command) {
        actions.execute(command);
    }

    /** Runs a wait on a thread of its own; cancelling the future interrupts it. */
    Future<?> await(Runnable wait) {
        return waits.submit(wait);
    }

    /** Runs the last command on a thread of its own, which does not keep the JVM alive. */
    void last(String name, Runnable command) {
        Thread t = new Thread(command, name);
        t.setDaemon(true);
        t.start();
    }

    void close() {
        waits.shutdownNow();
    }
}
