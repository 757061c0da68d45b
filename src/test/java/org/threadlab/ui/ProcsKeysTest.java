package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.threadlab.model.Snapshot;
import org.threadlab.model.SnapshotSource;
import org.threadlab.sample.ProcessRow;
import org.threadlab.sample.ProcessTable;

/** The all-processes view's keys: a and Esc (told to the source), moving, sort, filter, search, tree. */
class ProcsKeysTest {
    /** A source whose snapshot a test changes, and that notes every showProcesses and showSwitchesOf. */
    static final class Source implements SnapshotSource {
        Snapshot latest = Fixtures.snapshot().withTable(ProcsFixtures.table());
        final List<Boolean> shows = new ArrayList<>();
        final List<Long> attached = new ArrayList<>();
        /** What attach answers: null watches, else the refusal. */
        String refusal;

        @Override
        public String attach(long pid) {
            if (refusal == null) {
                attached.add(pid);
            }
            return refusal;
        }

        @Override
        public Snapshot latest() {
            return latest;
        }

        @Override
        public void onSnapshot(Consumer<Snapshot> listener) {}

        @Override
        public Duration interval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public void setInterval(Duration interval) {}

        @Override
        public void showProcesses(boolean on) {
            shows.add(on);
        }

        /** Every showSwitchesOf, in order (SwitchesAskedTest). */
        final List<java.util.Set<Long>> switchesAsked = new ArrayList<>();

        @Override
        public void showSwitchesOf(java.util.Set<Long> tids) {
            switchesAsked.add(tids);
        }

        @Override
        public void close() {}
    }

    private final Source source = new Source();
    private final UiState st = new UiState(Duration.ofSeconds(1));
    private final Controller c = new Controller(new ReplayCommands(), source, st, LiveKeys.TABLE, new Tasks(Runnable::run, e -> { }),
            () -> new TerminalSize(80, 24));

    private void key(char ch) {
        c.key(new KeyStroke(ch, false, false));
    }

    private void key(KeyType t) {
        c.key(new KeyStroke(t));
    }

    private void type(String s) {
        for (char ch : s.toCharArray()) {
            key(ch);
        }
    }

    private long selected() {
        return c.shown() == null ? -1 : new ProcsPane(st, source, nav(), null, () -> new TerminalSize(80, 24)).selectedPid().orElse(-1);
    }

    private Navigation nav() {
        return new Navigation(st, source, () -> new TerminalSize(80, 24), null);
    }

    @Test
    void aOpensAndClosesTheViewAndTellsTheSource() {
        key('a');
        assertTrue(st.procs.open);
        assertEquals(List.of(true), source.shows, "opening it starts the reading of every process");
        key('a');
        assertFalse(st.procs.open);
        assertEquals(List.of(true, false), source.shows, "closing it stops the reading");
        key('a');
        key(KeyType.Escape);
        assertFalse(st.procs.open, "Esc closes it too");
        assertEquals(List.of(true, false, true, false), source.shows);
    }

    @Test
    void theSelectionFollowsItsPidAcrossTicks() {
        key('a');
        // by CPU%: 4311, 4301, 4242...
        assertEquals(4311, selected());
        key(KeyType.ArrowDown);
        assertEquals(4301, selected());
        // the next tick: 4301 idles and sinks to the bottom of the order; the selection goes with it
        List<ProcessRow> rows = new ArrayList<>(ProcsFixtures.table().rows());
        rows.replaceAll(r -> r.pid() == Fixtures.CHILD ? ProcsFixtures.row(r.pid(), r.ppid(), r.user(), 'S', 4, 0.0, 1, r.command()) : r);
        source.latest = source.latest.withTable(new ProcessTable(rows, 1, null));
        assertEquals(4301, selected());
        key(KeyType.ArrowDown);
        long after = selected();
        assertTrue(after != 4301 && after != 4311, "one down from where 4301 is now: " + after);
        // its process ends: the selection stays where it was
        key(KeyType.ArrowUp);
        rows.removeIf(r -> r.pid() == Fixtures.CHILD);
        source.latest = source.latest.withTable(new ProcessTable(rows, 1, null));
        assertTrue(selected() > 0);
        key(KeyType.Home);
        assertEquals(4311, selected());
        key(KeyType.End);
        assertEquals(5000, selected(), "no CPU% yet: last");
        key(KeyType.PageUp);
        assertEquals(4311, selected(), "a page is longer than these rows");
    }

    @Test
    void sAndISortTheViewNotTheWorkers() {
        key('a');
        SortKey workers = st.sort;
        key('s');
        assertEquals(ProcColumn.RSS, st.procs.sort);
        assertEquals(workers, st.sort);
        assertEquals(Fixtures.SELF, selected(), "the biggest first");
        key('I');
        assertTrue(st.procs.reversed);
        assertTrue(st.status.contains("reversed"), st.status);
    }

    @Test
    void slashFiltersByCommandUserOrPid() {
        key('a');
        key('/');
        type("sleep");
        assertEquals("sleep", st.procs.filter);
        assertEquals(5000, selected());
        key(KeyType.Enter);
        assertEquals(ProcsState.Typing.NONE, st.procs.typing);
        assertEquals(1, st.procs.lines(source.latest.table(), Fixtures.SELF, false).size());
        assertEquals("", st.filter, "the workers' filter is not this one");
        key('/');
        key(KeyType.Escape);
        assertEquals("", st.procs.filter, "Esc while typing clears it");
        assertTrue(st.procs.open);
    }

    @Test
    void f3SearchesAndNJumpsToTheNextMatchHidingNothing() {
        key('a');
        key(KeyType.F3);
        type("java");
        // from the selection (4311, python3) on: the first java in CPU order is 4301
        assertEquals(Fixtures.CHILD, selected());
        key(KeyType.Enter);
        key('n');
        assertEquals(Fixtures.SELF, selected());
        key('n');
        assertEquals(4310, selected());
        key(KeyType.F3);
        assertEquals(Fixtures.CHILD, selected(), "F3 again is the next match, round again");
        assertEquals(11, st.procs.lines(source.latest.table(), Fixtures.SELF, false).size(), "nothing hidden");
        key(KeyType.Escape);
        assertEquals("", st.procs.search, "Esc clears the search first");
        assertTrue(st.procs.open);
    }

    @Test
    void f5MakesItATreeOnlyInTheView() {
        key(KeyType.F5);
        assertFalse(st.procs.tree);
        assertTrue(st.status.contains("a opens it"), st.status);
        key('a');
        key(KeyType.F5);
        assertTrue(st.procs.tree);
        key(KeyType.Home);
        assertEquals(1, selected(), "init at the top of the tree");
    }

    @Test
    void enterWatchesTheSelectedProcessAndClosesTheViewOntoItsThreads() {
        key('a');
        key(KeyType.Enter);
        assertEquals(List.of(4311L), source.attached, "through the attach command, to the source");
        assertFalse(st.procs.open, "the panes, where its threads now are");
        assertEquals(List.of(true, false), source.shows, "every process no longer read");
        assertTrue(st.status.startsWith("watching pid 4311"), st.status);
    }

    @Test
    void f9KAndShiftKInTheViewOpenTheSignalMenuOnTheSelectedProcessAskingForOneThreadlabDidNotStart() {
        // a live screen's commands (a replay's refuse every signal)
        Controller c = new Controller(new FakeCommands(source.latest), source, st, LiveKeys.TABLE, new Tasks(Runnable::run, e -> { }),
                () -> new TerminalSize(80, 24));
        for (KeyStroke k : List.of(new KeyStroke(KeyType.F9), new KeyStroke('k', false, false), new KeyStroke('K', false, false))) {
            c.key(new KeyStroke('a', false, false));
            c.key(k);
            assertEquals(UiState.Overlay.SIGNAL, st.overlay, k.toString());
            assertEquals(4311L, st.signalMenu.target().pid());
            assertTrue(st.signalMenu.target().ours(), "a program under threadlab's exec watchdog is threadlab's: no question");
            c.key(new KeyStroke(KeyType.Escape));
            assertEquals(UiState.Overlay.NONE, st.overlay);
            assertTrue(st.procs.open, "the menu closes back onto the view");
            c.key(new KeyStroke(KeyType.Escape));
        }
        // a process threadlab did not start: asked before anything is sent
        c.key(new KeyStroke('a', false, false));
        c.key(new KeyStroke('/', false, false));
        for (char ch : "sleep 600".toCharArray()) {
            c.key(new KeyStroke(ch, false, false));
        }
        c.key(new KeyStroke(KeyType.Enter));
        c.key(new KeyStroke(KeyType.F9));
        assertEquals(UiState.Overlay.SIGNAL, st.overlay);
        assertEquals(5000L, st.signalMenu.target().pid());
        assertFalse(st.signalMenu.target().ours());
    }

    @Test
    void enterOnAProcessThatCannotBeWatchedSaysWhyAndStaysInTheView() {
        source.refusal = "pid 4311 is worker #1 cpu: shown already";
        key('a');
        key(KeyType.Enter);
        assertTrue(st.procs.open);
        assertEquals("cannot watch pid 4311: pid 4311 is worker #1 cpu: shown already", st.status);
        assertTrue(st.statusError);
    }

    @Test
    void theHelpListsTheViewsKeys() {
        List<String> keys = new ArrayList<>();
        for (KeyMap.HelpSection s : LiveKeys.TABLE.help()) {
            for (KeyMap.HelpLine l : s.lines()) {
                keys.add(l.keys());
            }
        }
        assertTrue(keys.containsAll(List.of("a", "I", "F3 n", "F5")), keys.toString());
    }
}
