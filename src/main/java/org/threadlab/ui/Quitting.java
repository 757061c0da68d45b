package org.threadlab.ui;

import org.threadlab.text.Words;
import org.threadlab.worker.WorkerInfo;

/**
 * q and what follows, by Python's exit rules: at once when no non-daemon worker runs, else the quit
 * question; then the shutdown on a thread of its own, and the loop ends when it reports back.
 */
final class Quitting {
    private final UiState st;
    private final WorkerCommands workers;
    private final Tasks tasks;
    private boolean killing;

    Quitting(UiState st, WorkerCommands workers, Tasks tasks) {
        this.st = st;
        this.workers = workers;
        this.tasks = tasks;
    }

    /** q: quits at once when no non-daemon worker runs, else asks. */
    Reaction ask() {
        int running = running(workers.workers());
        st.quitRunning = running;
        if (running == 0) {
            return quit(false);
        }
        st.overlay = UiState.Overlay.QUIT;
        return Reaction.REDRAW;
    }

    /** The non-daemon workers a quit waits for; the quit question's count, kept current as workers end. */
    static int running(Iterable<WorkerInfo> all) {
        int running = 0;
        for (WorkerInfo w : all) {
            // a pool's member processes end with their pool: not waited for on their own
            if (w.state().alive() && !w.daemon() && !w.isMember()) {
                running++;
            }
        }
        return running;
    }

    /** Waits for the non-daemon workers, or kills them; asked again with {@code kill}, kills what is still waited for. */
    Reaction quit(boolean kill) {
        if (killing || (st.stopping != null && !kill)) {
            return Reaction.REDRAW;
        }
        killing = kill;
        st.overlay = UiState.Overlay.NONE;
        Joins.cancelAll(st);
        st.stopping = kill ? "quitting: stopping all workers..." : st.quitRunning == 0 ? "quitting..."
                : "quitting: waiting for " + Words.count(st.quitRunning, "non-daemon worker") + " (k kills them)";
        tasks.last("threadlab-ui-quit", () -> {
            try {
                workers.shutdown(kill);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the supervisor's close() after the loop still stops everything
            } finally {
                // whatever the shutdown threw (an Error too), the screen must end, or q leaves it "quitting..." for good
                tasks.post(new UiEvent.Finished("quit", s -> s.exit = true, Reaction.EXIT));
            }
        });
        return Reaction.REDRAW;
    }
}
