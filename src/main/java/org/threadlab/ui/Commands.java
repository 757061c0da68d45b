package org.threadlab.ui;

import java.time.Duration;
import java.util.List;
import org.threadlab.sample.Sampler;
import org.threadlab.text.Reasons;
import org.threadlab.model.Attached;
import org.threadlab.model.SnapshotSource;
import org.threadlab.model.WorkerSample;
import org.threadlab.text.Durations;
import org.threadlab.text.Words;
import org.threadlab.worker.Signal;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/**
 * The main screen's commands, but for joins ({@link Joins}) and quitting ({@link Quitting}). Each runs on the UI thread, changes the UI state, hands what takes
 * time to {@link Tasks}, and returns what must happen next; the workers are reached only through
 * {@link WorkerCommands}, so a replay runs the same commands.
 */
final class Commands {
    /** The intervals + and - step through: from the least the sampler takes to the most the screen allows. */
    static final List<Duration> INTERVALS = List.of(Sampler.MIN_INTERVAL, Duration.ofMillis(200), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), UiOptions.MAX_INTERVAL);
    static final int MAX_COUNT = 999;

    private final UiState st;
    private final WorkerCommands workers;
    private final SnapshotSource source;
    private final Navigation nav;
    private final Tasks tasks;

    Commands(UiState st, WorkerCommands workers, SnapshotSource source, Navigation nav, Tasks tasks) {
        this.st = st;
        this.workers = workers;
        this.source = source;
        this.nav = nav;
        this.tasks = tasks;
    }

    /** A digit of the count typed before t, v or p; said while typed, refused when used if wrong. */
    Reaction countDigit(int digit) {
        // more digits than any limit needs are ignored: the count is refused anyway when used
        if (st.count <= MAX_COUNT) {
            st.count = st.count * 10 + digit;
        }
        st.countTyped = true;
        if (st.count == 0) {
            st.status("count 0: a count is 1 to " + MAX_COUNT + " (Esc cancels)", true);
        } else if (st.count > MAX_COUNT) {
            st.status("count " + st.count + ": at most " + MAX_COUNT + " workers start at once (Esc cancels)", true);
        } else {
            st.status("count " + st.count + ": now t, v or p (Esc cancels)", false);
        }
        return Reaction.REDRAW;
    }

    /** The count for this key, used up: a count typed as 0 or over the limit is refused when used, never made 1 or 999. */
    int takeCount() {
        int count = st.countTyped ? st.count : 1;
        st.count = 0;
        st.countTyped = false;
        return count;
    }

    Reaction spawn(WorkerKind kind, int n) {
        if (!workers.acts()) {
            return say(workers.spawn(kind, n, st.workload.typed(), st.daemon));
        }
        if (n < 1 || n > MAX_COUNT) {
            st.status("refused: " + (n < 1 ? "a count of 0 starts nothing" : "at most " + MAX_COUNT + " workers start at once, not " + n)
                    + " (type 1 to " + MAX_COUNT + " before t, v or p)", true);
            return Reaction.REDRAW;
        }
        var spec = st.workload.typed();
        String written = st.workload.describe();
        boolean daemon = st.daemon;
        st.status("starting " + Words.count(n, kind.noun()) + ": " + written + (daemon ? " (daemon)" : ""), false);
        tasks.act(() -> {
            Reply r;
            try {
                r = workers.spawn(kind, n, spec, daemon);
            } catch (RuntimeException | Error e) {
                // a refusal is a reply; anything else (a thread the OS will not create: OutOfMemoryError)
                // would die with the executor's thread, leave "starting..." on the status line for
                // good and print its trace over the screen: it is said instead. Some may have started
                r = new Reply("could not start " + kind.noun() + ": " + Reasons.of(e), true, true);
            }
            Reply reply = r;
            tasks.post(new UiEvent.Finished("spawn", s -> s.status(reply.status(), reply.error()), reply.reaction()));
        });
        // with a direct executor the workers exist now: the model catches up before the frame
        return Reaction.REBUILD;
    }

    Reaction openWorkload() {
        st.dialog.open(st.workload.written());
        st.overlay = UiState.Overlay.WORKLOAD;
        return Reaction.REDRAW;
    }

    Reaction daemon() {
        Reply r = workers.setDaemon(!st.daemon);
        if (!r.error()) {
            st.daemon = !st.daemon;
        }
        return say(r);
    }

    /** k and K: the selected worker, if it still runs. */
    Reaction stop(boolean now) {
        if (!workers.acts()) {
            WorkerInfo shown = nav.selected().map(WorkerSample::info).orElse(null);
            return say(now ? workers.kill(shown) : workers.terminate(shown));
        }
        Reaction attached = attachedSignalMenu();
        if (attached != null) {
            return attached;
        }
        WorkerInfo w = selectedLive(now ? "kill" : "terminate");
        if (w == null) {
            return Reaction.REDRAW;
        }
        return say(now ? workers.kill(w) : workers.terminate(w));
    }

    /**
     * k, K or F9 on a row of an attached process (one threadlab did not start): the signal menu on its
     * PID, which asks before it sends anything (htop's k). Null when the selected row is not attached.
     */
    private Reaction attachedSignalMenu() {
        WorkerSample w = nav.selected().orElse(null);
        if (w == null || !Attached.is(w.info())) {
            return null;
        }
        if (w.info().state().ended()) {
            st.status(w.info().name() + " (pid " + w.info().pid() + ") has exited: nothing to signal", false);
            return Reaction.REDRAW;
        }
        return openSignalMenu(w.info().pid(), w.info().name(), false);
    }

    /**
     * F9: the signal menu on the selected row's process. A thread worker has no process of its own
     * (its PID is threadlab's): the menu says so rather than open on threadlab itself.
     */
    Reaction signalMenu() {
        if (!workers.acts()) {
            return say(ReplayCommands.refusal("F9"));
        }
        Reaction attached = attachedSignalMenu();
        if (attached != null) {
            return attached;
        }
        WorkerInfo w = selectedLive("signal");
        if (w == null) {
            return Reaction.REDRAW;
        }
        if (w.kind() != WorkerKind.PROCESS) {
            st.status(w.name() + " is a thread in threadlab's own process: it has no PID of its own to signal (k asks it to stop)", true);
            return Reaction.REDRAW;
        }
        return openSignalMenu(new SignalMenu.Target(w.pid(), w.name(), w.id(), true));
    }

    /**
     * The signal menu on any process by PID: what the all-processes view's F9 and k call. One that
     * threadlab started and that is one of its workers gets the worker's ways (TERM and KILL as k
     * and K); one it did not start is signalled only after the user says y.
     *
     * @param name what the menu calls it (its command), "" when not known
     */
    Reaction openSignalMenu(long pid, String name, boolean startedByThreadlab) {
        if (!workers.acts()) {
            return say(ReplayCommands.refusal("F9"));
        }
        if (startedByThreadlab) {
            for (WorkerInfo w : workers.workers()) {
                if (w.pid() == pid && w.kind() == WorkerKind.PROCESS && !w.state().ended()) {
                    return openSignalMenu(new SignalMenu.Target(pid, w.name(), w.id(), true));
                }
            }
        }
        return openSignalMenu(new SignalMenu.Target(pid, name, 0, startedByThreadlab));
    }

    private Reaction openSignalMenu(SignalMenu.Target t) {
        st.signalMenu.open(t);
        st.overlay = UiState.Overlay.SIGNAL;
        return Reaction.REDRAW;
    }

    /** The signal chosen in the menu (confirmed, where it asks): sent through the workers' commands, never from the screen. */
    Reaction sendSignal() {
        st.overlay = UiState.Overlay.NONE;
        SignalMenu.Target t = st.signalMenu.target();
        Signal s = st.signalMenu.signal();
        if (t.workerId() != 0) {
            WorkerInfo w = workers.worker(t.workerId()).orElse(null);
            if (w == null || w.state().ended()) {
                st.status(t.name() + " has already ended: nothing sent", false);
                return Reaction.REDRAW;
            }
            return say(workers.signal(w, s));
        }
        return say(workers.signal(t.pid(), s));
    }

    /** F6: the sort-by menu, on the column the tables are sorted by now. */
    Reaction sortMenu() {
        st.sortMenuSelected = st.sort.ordinal();
        st.overlay = UiState.Overlay.SORT;
        return Reaction.REDRAW;
    }

    Reaction toggleGil() {
        return say(workers.setGil(!workers.gil()));
    }

    /** c: the ended workers, and the attached processes that exited (kept, dimmed, until now). */
    Reaction clearEnded() {
        Reply r = workers.clearEnded();
        int exited = source.clearExited();
        if (exited > 0 && !r.error()) {
            r = Reply.done(r.status() + " and " + Words.count(exited, "exited attached process"));
        }
        return say(r);
    }

    /**
     * Watches a process threadlab did not start (Enter in the all-processes view): its threads and
     * figures show as a worker's, from the next tick. The source is told; never the renderer.
     */
    Reaction attach(long pid) {
        String refused = source.attach(pid);
        if (refused != null) {
            st.status("cannot watch pid " + pid + ": " + refused, true);
            return Reaction.REDRAW;
        }
        st.status("watching pid " + pid + " (attached, not a worker): its threads show from the next tick", false);
        return Reaction.REBUILD;
    }

    /** Stops watching an attached process; its rows go. */
    Reaction detach(long pid) {
        String refused = source.detach(pid);
        if (refused != null) {
            st.status(refused, true);
            return Reaction.REDRAW;
        }
        st.status("no longer watching pid " + pid, false);
        return Reaction.REBUILD;
    }

    /** + and -: the next interval up or down the list, within its ends. */
    Reaction interval(int step) {
        int i = 0;
        while (i < INTERVALS.size() - 1 && INTERVALS.get(i).compareTo(st.interval) < 0) {
            i++;
        }
        Duration d = INTERVALS.get(Math.max(0, Math.min(INTERVALS.size() - 1, i + step)));
        source.setInterval(d);
        st.interval = d;
        st.status("sampling every " + Durations.format(d), false);
        return Reaction.REDRAW;
    }

    Reaction editFilter() {
        if (st.procs.open) {
            st.procs.typing = ProcsState.Typing.FILTER;
            return Reaction.REDRAW;
        }
        st.editingFilter = true;
        return Reaction.REDRAW;
    }

    Reaction help() {
        st.overlay = UiState.Overlay.HELP;
        return Reaction.REDRAW;
    }

    /** Esc: stops waiting for joins, else clears the filter, else the status line (a count typed is already gone). */
    /** B: the selected round becomes the baseline (quick: the supervisor only notes it). */
    Reaction markBaseline(int round) {
        return say(workers.markBaseline(round));
    }

    Reaction cancel() {
        if (!st.joins.isEmpty()) {
            st.status("stopped waiting for " + Words.count(Joins.cancelAll(st), "join"), false);
        } else if (!st.filter.isEmpty()) {
            st.filter = "";
            st.status("filter cleared", false);
        } else {
            st.status("", false);
        }
        return Reaction.REDRAW;
    }

    /**
     * Whether the row is an attached process or thread, which no worker key acts on: said on the
     * status line ("sleep (pid 1234) is attached, not a worker: threadlab does not terminate it").
     */
    static boolean notAWorker(UiState st, WorkerSample w, String verb) {
        if (!Attached.is(w.info())) {
            return false;
        }
        String what = w.info().kind() == WorkerKind.PROCESS ? w.info().name() + " (pid " + w.info().pid() + ")"
                : "thread " + w.info().name() + " (tid " + w.info().tid() + " in pid " + w.info().pid() + ")";
        st.status(what + " is attached, not a worker: threadlab does not " + verb + " it", true);
        return true;
    }

    /** Shows a reply; what it asks of the loop. */
    static Reaction say(UiState st, Reply r) {
        st.status(r.status(), r.error());
        return r.reaction();
    }

    private Reaction say(Reply r) {
        return say(st, r);
    }

    private WorkerInfo selectedLive(String verb) {
        WorkerSample w = nav.selected().orElse(null);
        if (w == null) {
            st.status("no worker selected to " + verb + (st.focus == Pane.EVENTS ? " (the events are focused: Tab to a table)" : ""), true);
            return null;
        }
        if (notAWorker(st, w, verb)) {
            return null;
        }
        WorkerInfo now = workers.worker(w.info().id()).orElse(w.info());
        if (now.state().ended()) {
            st.status(now.name() + " has already ended (" + now.state().label() + ")", false);
            return null;
        }
        return now;
    }
}
