package org.threadlab.ui;

import java.util.concurrent.Future;
import org.threadlab.model.WorkerSample;

/**
 * j and J: a join waits on a thread of its own, shown as pending with a timer (Esc stops waiting)
 * until it reports back through the inbox; the UI thread never waits.
 */
final class Joins {
    private final UiState st;
    private final WorkerCommands workers;
    private final Navigation nav;
    private final Tasks tasks;

    Joins(UiState st, WorkerCommands workers, Navigation nav, Tasks tasks) {
        this.st = st;
        this.workers = workers;
        this.nav = nav;
        this.tasks = tasks;
    }

    /** j: the selected worker. */
    Reaction join() {
        if (!workers.acts()) {
            int id = nav.selected().map(w -> w.info().id()).orElse(0);
            return Commands.say(st, now(() -> workers.join(id)));
        }
        WorkerSample sel = nav.selected().orElse(null);
        if (sel == null) {
            st.status("no worker selected to join" + (st.focus == Pane.EVENTS ? " (the events are focused: Tab to a table)" : ""), true);
            return Reaction.REDRAW;
        }
        if (Commands.notAWorker(st, sel, "join")) {
            return Reaction.REDRAW;
        }
        int id = sel.info().id();
        String name = sel.info().name();
        if (st.joins.containsKey(id)) {
            st.status("already waiting for " + name, false);
            return Reaction.REDRAW;
        }
        start(id, name, "join " + name, () -> workers.join(id));
        return Reaction.REDRAW;
    }

    /** J: every worker; said at once when none runs. */
    Reaction joinAll() {
        if (!workers.acts()) {
            return Commands.say(st, now(workers::joinAll));
        }
        if (st.joins.containsKey(0)) {
            st.status("already waiting for all workers", false);
            return Reaction.REDRAW;
        }
        if (workers.workers().stream().noneMatch(w -> w.state().alive())) {
            st.status("nothing to join: no worker is running", false);
            return Reaction.REDRAW;
        }
        start(0, "all", "join all", workers::joinAll);
        return Reaction.REDRAW;
    }

    /** Stops waiting for every pending join (Esc, quitting); returns how many there were. */
    static int cancelAll(UiState st) {
        int n = st.joins.size();
        for (UiState.PendingJoin j : st.joins.values()) {
            j.task().cancel(true);
        }
        st.joins.clear();
        return n;
    }

    /** A wait that may block or be interrupted. */
    private interface Wait {
        Reply run() throws InterruptedException;
    }

    /** A wait that does not wait (a replay's): run here, its reply shown at once. */
    private static Reply now(Wait w) {
        try {
            return w.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.refused("interrupted");
        }
    }

    private void start(int id, String name, String what, Wait wait) {
        long started = System.nanoTime();
        Future<?> f = tasks.await(() -> {
            try {
                Reply r = wait.run();
                tasks.post(new UiEvent.Finished(what, s -> {
                    done(s, id, started);
                    s.status(r.status(), r.error());
                }, Reaction.REDRAW));
            } catch (InterruptedException e) {
                tasks.post(new UiEvent.Finished(what, s -> done(s, id, started), Reaction.REDRAW));
            } catch (RuntimeException e) {
                tasks.post(new UiEvent.Finished(what, s -> {
                    done(s, id, started);
                    s.status(what + ": " + e.getMessage(), true);
                }, Reaction.REDRAW));
            }
        });
        st.joins.put(id, new UiState.PendingJoin(id, name, started, f));
    }

    /**
     * A join's wait ended: its pending entry goes, but only its own. After Esc and j again the
     * cancelled wait reports back late, and must not take the new wait's timer off the screen.
     */
    private static void done(UiState s, int id, long started) {
        UiState.PendingJoin j = s.joins.get(id);
        if (j != null && j.startedNanos() == started) {
            s.joins.remove(id);
        }
    }
}
