package org.threadlab.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.threadlab.model.Snapshot;
import org.threadlab.model.SnapshotSource;
import org.threadlab.model.WorkerSample;
import org.threadlab.text.Durations;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.JoinResult;
import org.threadlab.worker.SpawnRefused;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/**
 * Turns keys into changes of the UI state and commands to the supervisor. It runs on the UI thread
 * and never waits: spawns go to the actions executor, joins and the final shutdown to threads of
 * their own, and each reports back by posting a callback to the UI thread.
 */
final class Controller {
    static final List<Duration> INTERVALS = List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10));
    static final int MAX_COUNT = 999;

    private final Supervisor supervisor;
    private final SnapshotSource source;
    private final UiState st;
    private final Executor actions;
    private final ExecutorService waits;
    private final Consumer<Runnable> post;
    private final Supplier<TerminalSize> size;
    private boolean killing;

    Controller(Supervisor supervisor, SnapshotSource source, UiState st, Executor actions, Consumer<Runnable> post,
               Supplier<TerminalSize> size) {
        this.supervisor = supervisor;
        this.source = source;
        this.st = st;
        this.actions = actions;
        this.post = post;
        this.size = size;
        this.waits = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "threadlab-ui-wait");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * What is on show: the frozen snapshot, or the newest. A worker started while frozen (keys still
     * act) would have no row and could not be selected, so the frozen display moves on, once, to the
     * first snapshot that has it: still one instant, and the status line says why it moved.
     */
    Snapshot shown() {
        Snapshot live = source.latest();
        if (st.frozen == null) {
            return live;
        }
        for (WorkerSample w : live.workers()) {
            if (st.frozen.worker(w.info().id()).isEmpty()) {
                st.frozen = live;
                st.status("display frozen again, later, to show " + w.info().name() + " (space continues)", false);
                break;
            }
        }
        return st.frozen;
    }

    void key(KeyStroke k) {
        try {
            if (k.isAltDown()) {
                // threadlab binds no Alt key: what arrives as Alt+key is Esc typed just before the key
                // (the terminal sends both bytes at once), so it acts as both, in that order
                dispatch(new KeyStroke(KeyType.Escape));
                dispatch(k.getKeyType() == KeyType.Character
                        ? new KeyStroke(k.getCharacter(), k.isCtrlDown(), false, k.isShiftDown())
                        : new KeyStroke(k.getKeyType(), k.isCtrlDown(), false, k.isShiftDown()));
                return;
            }
            dispatch(k);
        } catch (RuntimeException e) {
            st.status("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()), true);
        }
    }

    void close() {
        waits.shutdownNow();
    }

    private void dispatch(KeyStroke k) {
        KeyMap.Action a = KeyMap.of(k);
        if (st.stopping != null) {
            if (a == KeyMap.Action.QUIT || a == KeyMap.Action.TERMINATE || a == KeyMap.Action.KILL) {
                quit(true);
            }
            return;
        }
        if (tooSmall() && st.overlay != UiState.Overlay.QUIT) {
            // the screen shows only "enlarge it, or press q to quit": no other key's effect could be
            // seen, and q must quit from a dialog too rather than be typed into it unseen
            if (a == KeyMap.Action.QUIT) {
                st.overlay = UiState.Overlay.NONE;
                st.editingFilter = false;
                askQuit();
            }
            return;
        }
        switch (st.overlay) {
            case HELP -> {
                st.overlay = UiState.Overlay.NONE;
                return;
            }
            case WORKLOAD -> {
                dialogKey(k);
                return;
            }
            case QUIT -> {
                quitKey(k, a);
                return;
            }
            case NONE -> { }
        }
        if (st.editingFilter) {
            filterKey(k);
            return;
        }
        if (k.getKeyType() == KeyType.Character && !k.isCtrlDown() && Character.isDigit(k.getCharacter())) {
            countDigit(k.getCharacter() - '0');
            return;
        }
        // a count typed as 0 or over the limit is refused when used, never silently made 1 or 999
        int count = st.countTyped ? st.count : 1;
        if (a != KeyMap.Action.NONE) {
            st.count = 0;
            st.countTyped = false;
        }
        switch (a) {
            case SPAWN_THREAD -> spawn(WorkerKind.THREAD, count);
            case SPAWN_VIRTUAL -> spawn(WorkerKind.VIRTUAL, count);
            case SPAWN_PROCESS -> spawn(WorkerKind.PROCESS, count);
            case WORKLOAD -> {
                st.dialog.open(st.workload);
                st.overlay = UiState.Overlay.WORKLOAD;
            }
            case DAEMON -> {
                st.daemon = !st.daemon;
                st.status(st.daemon ? "next workers are daemons: quitting kills them"
                        : "next workers are not daemons: quitting waits for them (or kills them if you say so)", false);
            }
            case TERMINATE -> stop(false);
            case KILL -> stop(true);
            case JOIN -> join();
            case JOIN_ALL -> joinAll();
            case GIL -> {
                boolean on = !supervisor.gil().isEnabled();
                supervisor.setGil(on);
                st.status(on ? "GIL on: CPU work of threads in this JVM takes turns (each process has its own)" : "GIL off", false);
            }
            case UP -> move(-1);
            case DOWN -> move(1);
            case PAGE_UP -> move(-page());
            case PAGE_DOWN -> move(page());
            case HOME -> move(Integer.MIN_VALUE / 2);
            case END -> move(Integer.MAX_VALUE / 2);
            case SWITCH_PANE -> st.focus = st.focus.other();
            case SORT -> {
                st.sort = st.sort.next();
                st.status("sorted by " + st.sort.label, false);
            }
            case FILTER -> st.editingFilter = true;
            case FREEZE -> {
                st.frozen = st.frozen == null ? source.latest() : null;
                st.status(st.frozen != null ? "display frozen: space continues (keys still act)" : "display live", false);
            }
            case SLOWER -> interval(1);
            case FASTER -> interval(-1);
            case CLEAR -> {
                int n = supervisor.clearEnded();
                st.status("cleared " + n + " ended worker" + (n == 1 ? "" : "s"), false);
            }
            case HELP -> st.overlay = UiState.Overlay.HELP;
            case QUIT -> askQuit();
            case CANCEL -> cancel();
            case NONE -> { }
        }
    }

    private void dialogKey(KeyStroke k) {
        WorkloadDialog d = st.dialog;
        switch (k.getKeyType()) {
            case Escape -> st.overlay = UiState.Overlay.NONE;
            case Enter -> {
                WorkloadSpec spec = d.apply();
                if (spec != null) {
                    st.workload = spec;
                    st.overlay = UiState.Overlay.NONE;
                    st.status("workload for the next starts: " + spec.describe(), false);
                }
            }
            case ArrowUp, ReverseTab -> d.cycleType(-1);
            case ArrowDown, Tab -> d.cycleType(1);
            case ArrowLeft -> d.left();
            case ArrowRight -> d.right();
            case Home -> d.home();
            case End -> d.end();
            case Backspace -> d.backspace();
            case Delete -> d.delete();
            case Character -> {
                if (!k.isCtrlDown()) {
                    d.type(k.getCharacter());
                } else {
                    lineEditKey(d, Character.toLowerCase(k.getCharacter()));
                }
            }
            default -> { }
        }
    }

    /** The readline keys people type without thinking: Ctrl-A/E/B/F move, Ctrl-U/K/W/D/H delete. */
    private static void lineEditKey(WorkloadDialog d, char c) {
        switch (c) {
            case 'a' -> d.home();
            case 'e' -> d.end();
            case 'b' -> d.left();
            case 'f' -> d.right();
            case 'u' -> d.deleteToStart();
            case 'k' -> d.deleteToEnd();
            case 'w' -> d.deleteWordBefore();
            case 'd' -> d.delete();
            case 'h' -> d.backspace();
            default -> { }
        }
    }

    private void quitKey(KeyStroke k, KeyMap.Action a) {
        Character c = k.getKeyType() == KeyType.Character ? k.getCharacter() : null;
        if (c != null && c == 'w' && !k.isCtrlDown()) {
            quit(false);
        } else if (c != null && (c == 'k' || c == 'K') || a == KeyMap.Action.QUIT && k.isCtrlDown()) {
            quit(true);
        } else if (c != null && c == 'c' || k.getKeyType() == KeyType.Escape) {
            st.overlay = UiState.Overlay.NONE;
            st.status("quit cancelled", false);
        }
    }

    private void filterKey(KeyStroke k) {
        switch (k.getKeyType()) {
            case Enter -> st.editingFilter = false;
            case Escape -> {
                st.editingFilter = false;
                st.filter = "";
            }
            case Backspace -> {
                if (!st.filter.isEmpty()) {
                    st.filter = st.filter.substring(0, st.filter.length() - 1);
                }
            }
            case Character -> {
                if (!k.isCtrlDown()) {
                    st.filter += k.getCharacter();
                }
            }
            default -> { }
        }
    }

    private void countDigit(int digit) {
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
    }

    private void spawn(WorkerKind kind, int n) {
        if (n < 1 || n > MAX_COUNT) {
            st.status("refused: " + (n < 1 ? "a count of 0 starts nothing" : "at most " + MAX_COUNT + " workers start at once, not " + n)
                    + " (type 1 to " + MAX_COUNT + " before t, v or p)", true);
            return;
        }
        WorkloadSpec spec = st.workload;
        boolean daemon = st.daemon;
        String what = n + " " + kind + (n == 1 ? "" : kind == WorkerKind.PROCESS ? "es" : "s");
        st.status("starting " + what + ": " + spec.describe() + (daemon ? " (daemon)" : ""), false);
        actions.execute(() -> {
            List<String> names = new ArrayList<>();
            String refused = null;
            for (int i = 0; i < n; i++) {
                try {
                    names.add(supervisor.spawn(kind, spec, daemon).name());
                } catch (SpawnRefused | IllegalArgumentException e) {
                    refused = e.getMessage();
                    break;
                }
            }
            String why = refused;
            post.accept(() -> {
                if (why != null) {
                    st.status("refused: " + why + (names.isEmpty() ? "" : " (started " + names.size() + " of " + n + ")"), true);
                } else {
                    st.status("started " + what + ": " + String.join(", ", names), false);
                }
            });
        });
    }

    private WorkerInfo selectedLive(String verb) {
        WorkerSample w = Rows.selected(shown(), st).orElse(null);
        if (w == null) {
            st.status("no worker selected to " + verb, true);
            return null;
        }
        WorkerInfo now = supervisor.worker(w.info().id()).orElse(w.info());
        if (now.state().ended()) {
            st.status(now.name() + " has already ended (" + now.state().label() + ")", false);
            return null;
        }
        return now;
    }

    private void stop(boolean now) {
        WorkerInfo w = selectedLive(now ? "kill" : "terminate");
        if (w == null) {
            return;
        }
        if (now) {
            supervisor.kill(w.id());
            st.status(w.kind() == WorkerKind.PROCESS ? "killing " + w.name() + " (SIGKILL)"
                    : w.name() + " is a thread: it cannot be killed, only asked to stop (interrupted)", false);
        } else {
            supervisor.terminate(w.id());
            st.status(w.kind() == WorkerKind.PROCESS ? "terminating " + w.name() + " (SIGTERM, then SIGKILL after "
                    + Durations.format(supervisor.limits().grace()) + ")" : "asking " + w.name() + " to stop (interrupt)", false);
        }
    }

    private void join() {
        WorkerSample sel = Rows.selected(shown(), st).orElse(null);
        if (sel == null) {
            st.status("no worker selected to join", true);
            return;
        }
        int id = sel.info().id();
        String name = sel.info().name();
        if (st.joins.containsKey(id)) {
            st.status("already waiting for " + name, false);
            return;
        }
        Future<?> f = waits.submit(() -> {
            try {
                JoinResult r = supervisor.join(id, null);
                post.accept(() -> {
                    st.joins.remove(id);
                    st.status("joined " + name + " after " + Durations.seconds(r.waited()) + ": " + r.worker().state().label(), false);
                });
            } catch (InterruptedException e) {
                post.accept(() -> st.joins.remove(id));
            } catch (RuntimeException e) {
                post.accept(() -> {
                    st.joins.remove(id);
                    st.status("join " + name + ": " + e.getMessage(), true);
                });
            }
        });
        st.joins.put(id, new UiState.PendingJoin(id, name, System.nanoTime(), f));
    }

    private void joinAll() {
        if (st.joins.containsKey(0)) {
            st.status("already waiting for all workers", false);
            return;
        }
        if (supervisor.workers().stream().noneMatch(w -> w.state().alive())) {
            st.status("nothing to join: no worker is running", false);
            return;
        }
        Future<?> f = waits.submit(() -> {
            long start = System.nanoTime();
            try {
                List<JoinResult> r = supervisor.joinAll(null);
                post.accept(() -> {
                    st.joins.remove(0);
                    st.status("joined all " + r.size() + " after " + Durations.seconds(Duration.ofNanos(System.nanoTime() - start)), false);
                });
            } catch (InterruptedException e) {
                post.accept(() -> st.joins.remove(0));
            } catch (RuntimeException e) {
                post.accept(() -> {
                    st.joins.remove(0);
                    st.status("join all: " + e.getMessage(), true);
                });
            }
        });
        st.joins.put(0, new UiState.PendingJoin(0, "all", System.nanoTime(), f));
    }

    private void cancel() {
        if (!st.joins.isEmpty()) {
            for (UiState.PendingJoin j : st.joins.values()) {
                j.task().cancel(true);
            }
            st.status("stopped waiting for " + st.joins.size() + " join" + (st.joins.size() == 1 ? "" : "s"), false);
            st.joins.clear();
        } else if (!st.filter.isEmpty()) {
            st.filter = "";
            st.status("filter cleared", false);
        } else {
            st.status("", false);
        }
    }

    private void move(int delta) {
        List<WorkerSample> rows = Rows.of(shown(), st, st.focus);
        if (rows.isEmpty()) {
            return;
        }
        int i = Math.max(0, Rows.selectedIndex(rows, st.selected(st.focus)));
        int next = (int) Math.max(0, Math.min(rows.size() - 1, (long) i + delta));
        st.selected.put(st.focus, rows.get(next).info().id());
    }

    private boolean tooSmall() {
        TerminalSize s = size.get();
        return s != null && (s.getColumns() < Layout.MIN_WIDTH || s.getRows() < Layout.MIN_HEIGHT);
    }

    private int page() {
        TerminalSize s = size.get();
        return Math.max(1, Layout.of(s.getColumns(), s.getRows(), shown().host().cores().size()).tableRows() - 1);
    }

    private void interval(int step) {
        int i = 0;
        while (i < INTERVALS.size() - 1 && INTERVALS.get(i).compareTo(st.interval) < 0) {
            i++;
        }
        Duration d = INTERVALS.get(Math.max(0, Math.min(INTERVALS.size() - 1, i + step)));
        source.setInterval(d);
        st.interval = d;
        st.status("sampling every " + Durations.format(d), false);
    }

    private void askQuit() {
        int running = 0;
        for (WorkerInfo w : supervisor.workers()) {
            // a pool's member processes end with their pool: not waited for on their own
            if (w.state().alive() && !w.daemon() && !w.isMember()) {
                running++;
            }
        }
        st.quitRunning = running;
        if (running == 0) {
            quit(false);
        } else {
            st.overlay = UiState.Overlay.QUIT;
        }
    }

    /** Python's exit rules on a thread of their own; the loop ends when they are done. */
    private void quit(boolean kill) {
        if (killing || (st.stopping != null && !kill)) {
            return;
        }
        killing = kill;
        st.overlay = UiState.Overlay.NONE;
        for (UiState.PendingJoin j : st.joins.values()) {
            j.task().cancel(true);
        }
        st.joins.clear();
        st.stopping = kill ? "quitting: stopping all workers..." : st.quitRunning == 0 ? "quitting..." : "quitting: waiting for " + st.quitRunning
                + " non-daemon worker" + (st.quitRunning == 1 ? "" : "s") + " (k kills them)";
        Thread t = new Thread(() -> {
            try {
                supervisor.shutdown(kill);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the supervisor's close() after the loop still stops everything
            }
            post.accept(() -> st.exit = true);
        }, "threadlab-ui-quit");
        t.setDaemon(true);
        t.start();
    }
}
