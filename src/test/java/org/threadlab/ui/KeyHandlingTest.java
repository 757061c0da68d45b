package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.Event;
import org.threadlab.model.ModelHub;
import org.threadlab.sample.Sampler;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.VirtualThreads;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/** Keys against a real supervisor running short sleep workloads; spawns run on the calling thread. */
class KeyHandlingTest {
    private Supervisor supervisor;
    private ModelHub feed;
    private DefaultVirtualTerminal terminal;
    private TerminalUi ui;

    @BeforeEach
    void start() throws IOException {
        supervisor = new Supervisor(Limits.DEFAULT.withGrace(Duration.ofMillis(500)), false);
        feed = ModelHub.start(new Sampler(Duration.ofSeconds(1)), supervisor);
        terminal = Fixtures.terminal(100, 30);
        TerminalScreen screen = Fixtures.screen(terminal);
        ui = new TerminalUi(screen, supervisor, feed, new UiOptions(Duration.ofSeconds(1), false, false, true),
                TerminalUi.FrameSync.NONE, Runnable::run);
        ui.state().workload = ChosenWorkload.of(WorkloadSpec.of("sleep").with("duration", "10s"));
    }

    @AfterEach
    void stop() {
        feed.close();
        supervisor.close();
    }

    private void keys(String chars) {
        for (char c : chars.toCharArray()) {
            ui.key(new KeyStroke(c, false, false));
        }
        ui.drain();
        feed.sampleNow();
    }

    private void key(KeyType type) {
        ui.key(new KeyStroke(type));
        ui.drain();
    }

    private String screen() throws IOException {
        ui.render();
        return Fixtures.text(terminal);
    }

    /** A table row of this worker (events and the status line mention names too). */
    private static boolean row(String screen, String name) {
        // NEW too: on a busy machine a worker spawned a moment ago may not have started yet
        return screen.lines().anyMatch(l -> l.contains(name + " ") && (l.contains(" RUN ") || l.contains(" WAIT ") || l.contains(" NEW ")));
    }

    private static void await(BooleanSupplier condition, Runnable step) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            step.run();
            Thread.sleep(20);
        }
    }

    @Test
    void countPrefixStartsSeveral() throws IOException {
        keys("3t");
        List<WorkerInfo> ws = supervisor.workers();
        assertEquals(3, ws.size());
        assertTrue(ws.stream().allMatch(w -> w.kind() == WorkerKind.THREAD && !w.daemon()));
        assertEquals(0, ui.state().count, "the count is used up");
        assertTrue(ui.state().status.startsWith("started 3 threads"), ui.state().status);
        keys("t");
        assertEquals(4, supervisor.workers().size(), "without a count, one");
        String text = screen();
        assertTrue(text.contains("sleep-1") && text.contains("sleep-4"), text);
    }

    @Test
    void theStatusCountsWorkersInEnglish() throws IOException {
        // spawns held back: the status says what is starting, as the user sees it while they start
        List<Runnable> held = new java.util.ArrayList<>();
        TerminalUi slow = new TerminalUi(Fixtures.screen(Fixtures.terminal(100, 30)), supervisor, feed,
                new UiOptions(Duration.ofSeconds(1), false, false, true), TerminalUi.FrameSync.NONE, held::add);
        slow.state().workload = ChosenWorkload.of(WorkloadSpec.of("sleep").with("duration", "10s"));
        for (String[] typed : new String[][] {{"3v", "starting 3 virtual threads: sleep"}, {"v", "starting 1 virtual thread: sleep"},
                {"2p", "starting 2 processes: sleep"}, {"t", "starting 1 thread: sleep"}}) {
            for (char c : typed[0].toCharArray()) {
                slow.key(new KeyStroke(c, false, false));
            }
            assertTrue(slow.state().status.startsWith(typed[1]), slow.state().status);
        }
        assertEquals(4, held.size());
        assertTrue(supervisor.workers().isEmpty());
    }

    @Test
    void escapeCancelsACount() {
        keys("12");
        assertEquals(12, ui.state().count);
        key(KeyType.Escape);
        keys("t");
        assertEquals(1, supervisor.workers().size());
    }

    @Test
    void aCountOfZeroIsRefusedWithTheReason() {
        keys("0t");
        assertEquals(0, supervisor.workers().size(), "0t starts nothing");
        assertTrue(ui.state().statusError);
        assertTrue(ui.state().status.contains("a count of 0 starts nothing"), ui.state().status);
        keys("t");
        assertEquals(1, supervisor.workers().size(), "the refused count is used up: t starts one");
    }

    @Test
    void aCountOverTheLimitIsRefusedNotCapped() {
        keys("1000");
        assertTrue(ui.state().statusError, "said while typing");
        assertTrue(ui.state().status.contains("at most 999"), ui.state().status);
        keys("t");
        assertEquals(0, supervisor.workers().size(), "1000t starts nothing, not 999");
        assertTrue(ui.state().status.contains("at most 999 workers start at once, not 1000"), ui.state().status);
    }

    @Test
    void joinAllWithNothingToJoinSaysSo() {
        keys("J");
        assertTrue(ui.state().joins.isEmpty(), "no wait started");
        assertEquals("nothing to join: no worker is running", ui.state().status);
    }

    @Test
    void daemonToggleAppliesToTheNextSpawnsAndShowsInTheFooter() throws IOException {
        assertTrue(screen().contains("daemon:off"));
        keys("d");
        assertTrue(ui.state().daemon);
        assertTrue(screen().contains("daemon:ON"));
        keys("t");
        keys("d");
        keys("t");
        List<WorkerInfo> ws = supervisor.workers();
        assertTrue(ws.get(0).daemon());
        assertFalse(ws.get(1).daemon());
    }

    @Test
    void sortCyclesThroughEveryColumnAndBack() throws IOException {
        assertEquals(SortKey.ID, ui.state().sort);
        for (SortKey expected : List.of(SortKey.NAME, SortKey.CPU, SortKey.MEMORY, SortKey.STATE, SortKey.AGE, SortKey.ID)) {
            keys("s");
            assertEquals(expected, ui.state().sort);
        }
        keys("s");
        assertTrue(screen().contains("sort name"));
    }

    @Test
    void filterKeepsMatchingNamesAndEscapeClearsIt() throws IOException {
        keys("2t");
        ui.state().workload = ChosenWorkload.of(WorkloadSpec.of("memory").with("size", "1MiB").with("hold", "10s"));
        keys("t");
        keys("/mem");
        assertTrue(ui.state().editingFilter);
        assertTrue(screen().contains("filter: mem_"));
        key(KeyType.Enter);
        feed.sampleNow();
        assertFalse(ui.state().editingFilter);
        assertEquals(1, Rows.of(feed.latest(), ui.state(), Pane.THREADS).size());
        String text = screen();
        assertTrue(text.contains("memory-3") && !row(text, "sleep-1"), text);
        keys("/");
        key(KeyType.Escape);
        assertEquals("", ui.state().filter);
        assertEquals(3, Rows.of(feed.latest(), ui.state(), Pane.THREADS).size());
    }

    @Test
    void spaceFreezesTheDisplayWhileKeysStillAct() throws IOException {
        keys("t");
        keys(" ");
        assertNotNull(ui.state().frozen);
        org.threadlab.model.Snapshot frozen = ui.state().frozen;
        feed.sampleNow();
        assertTrue(screen().contains("FROZEN"));
        assertEquals(frozen, ui.state().frozen, "the display does not move by itself");
        keys("t");
        assertEquals(2, supervisor.workers().size(), "keys still act");
        String text = screen();
        assertTrue(text.contains("FROZEN"));
        assertTrue(text.lines().anyMatch(l -> l.matches("\\s+2 sleep-2 .*")), "a worker started while frozen gets a row\n" + text);
        assertTrue(ui.state().status.contains("to show sleep-2"), ui.state().status);
        key(KeyType.ArrowDown);
        assertEquals(2, ui.state().selected(Pane.THREADS), "and can be selected");
        keys(" ");
        assertNull(ui.state().frozen);
        String live = screen();
        // on a busy machine the thread may not have started yet (NEW): the row is what matters
        assertTrue(live.lines().anyMatch(l -> l.matches("\\s+2 sleep-2 .*")), live);
    }

    @Test
    void plusAndMinusChangeTheInterval() throws IOException {
        keys("+");
        assertEquals(Duration.ofSeconds(2), feed.interval());
        keys("---");
        assertEquals(Duration.ofMillis(200), feed.interval());
        keys("---");
        assertEquals(Duration.ofMillis(100), feed.interval(), "never below 100ms");
        assertTrue(screen().contains("every 100ms"));
    }

    @Test
    void selectionMovesAndTabSwitchesPane() {
        keys("3t");
        key(KeyType.ArrowDown);
        assertEquals(2, ui.state().selected(Pane.THREADS));
        key(KeyType.End);
        assertEquals(3, ui.state().selected(Pane.THREADS));
        key(KeyType.Home);
        assertEquals(1, ui.state().selected(Pane.THREADS));
        key(KeyType.Tab);
        assertEquals(Pane.PROCESSES, ui.state().focus);
    }

    @Test
    void terminateAndJoinTheSelectedWorker() throws Exception {
        keys("t");
        keys("k");
        await(() -> supervisor.workers().get(0).state().ended(), () -> { });
        assertEquals(WorkerState.TERMINATED, supervisor.workers().get(0).state());
        ui.state().workload = ChosenWorkload.of(WorkloadSpec.of("sleep").with("duration", "300ms"));
        keys("t");
        key(KeyType.ArrowDown);
        keys("j");
        assertEquals(1, ui.state().joins.size());
        assertTrue(screen().contains("joining sleep-2"));
        await(() -> ui.state().joins.isEmpty(), ui::drain);
        assertTrue(ui.state().status.startsWith("joined sleep-2 after"), ui.state().status);
        assertTrue(supervisor.events().recent(10).stream().anyMatch(e -> e.type() == Event.Type.JOINED));
    }

    @Test
    void ctrlCAsksToQuitFromAnyDialogAsTheHelpSays() {
        keys("t");
        for (String opens : List.of("w", "/", "?")) {
            keys(opens);
            assertTrue(ui.state().overlay != UiState.Overlay.NONE || ui.state().editingFilter, opens + " opened");
            ui.key(new KeyStroke('c', true, false));
            ui.drain();
            assertEquals(UiState.Overlay.QUIT, ui.state().overlay, "Ctrl-C in " + opens + " asks to quit");
            assertFalse(ui.state().editingFilter);
            keys("c"); // cancel the quit
            assertEquals(UiState.Overlay.NONE, ui.state().overlay);
        }
        assertEquals("", ui.state().filter, "nothing was typed into the filter");
    }

    @Test
    void aCancelledJoinReportingLateLeavesTheNewJoinOfTheSameWorker() throws Exception {
        keys("t");
        ui.key(new KeyStroke('j', false, false));
        assertEquals(1, ui.state().joins.size());
        ui.key(new KeyStroke(KeyType.Escape));
        assertTrue(ui.state().joins.isEmpty(), "Esc stopped waiting");
        // the cancelled wait has posted its end (its thread left Joins), not yet handled: then j again
        await(() -> Thread.getAllStackTraces().entrySet().stream().noneMatch(e -> e.getKey().getName().equals("threadlab-ui-wait")
                && java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith(Joins.class.getName()))), () -> { });
        ui.key(new KeyStroke('j', false, false));
        ui.drain();
        assertEquals(1, ui.state().joins.size(), "the new join is still shown as waiting");
        assertTrue(screen().contains("joining sleep-1"));
    }

    @Test
    @org.junit.jupiter.api.Tag("jdk21") // both branches: refused on 17, run on 21+ (.ci/run)
    void virtualThreadsAreRefusedOnOldJavaWithTheSupervisorsReason() {
        keys("v");
        if (VirtualThreads.available()) {
            assertEquals(WorkerKind.VIRTUAL, supervisor.workers().get(0).kind());
        } else {
            assertTrue(ui.state().statusError);
            assertTrue(ui.state().status.contains(VirtualThreads.unavailableReason()), ui.state().status);
            assertTrue(supervisor.events().recent(5).stream().anyMatch(e -> e.type() == Event.Type.REFUSED));
        }
    }

    @Test
    void workloadDialogValidatesInline() throws IOException {
        keys("w");
        assertEquals(UiState.Overlay.WORKLOAD, ui.state().overlay);
        assertEquals("duration=10s", ui.state().dialog.params);
        keys("x");
        key(KeyType.Enter);
        assertEquals(UiState.Overlay.WORKLOAD, ui.state().overlay, "a bad spec keeps the dialog open");
        assertTrue(screen().contains("error: duration: '10sx' has an unknown unit"), screen());
        key(KeyType.Backspace);
        key(KeyType.ArrowDown);
        assertEquals("cpu", ui.state().dialog.typeName());
        key(KeyType.Enter);
        assertEquals(UiState.Overlay.NONE, ui.state().overlay);
        assertEquals("cpu", ui.state().workload.written().type());
    }

    private void ctrl(char c) {
        ui.key(new KeyStroke(c, true, false));
        ui.drain();
    }

    @Test
    void theDialogIsALineEditor() throws IOException {
        keys("w");
        WorkloadDialog d = ui.state().dialog;
        assertEquals("duration=10s", d.params);
        key(KeyType.ArrowLeft);
        key(KeyType.ArrowLeft);
        assertEquals("sleep", d.typeName(), "Left moves the cursor, it does not change the type");
        keys("5");
        assertEquals("duration=150s", d.params);
        ctrl('a');
        key(KeyType.Delete);
        assertEquals("uration=150s", d.params);
        ctrl('e');
        keys(" ");
        ui.key(new KeyStroke("x".charAt(0), false, false));
        ctrl('w');
        assertEquals("uration=150s ", d.params, "Ctrl-W deletes the word before the cursor");
        ctrl('u');
        assertEquals("", d.params, "Ctrl-U deletes the line before the cursor");
        keys("duration=1s");
        key(KeyType.Home);
        assertEquals(0, d.cursor);
        key(KeyType.End);
        assertEquals(d.params.length(), d.cursor);
        String text = screen();
        assertTrue(text.contains("Up/Down or Tab change the type"), "the keys that change the type are said\n" + text);
        key(KeyType.Tab);
        assertEquals("cpu", d.typeName());
        key(KeyType.ArrowUp);
        assertEquals("sleep", d.typeName());
        key(KeyType.Enter);
        assertEquals(UiState.Overlay.NONE, ui.state().overlay);
        assertEquals("10s", ui.state().workload.written().params().get("duration"), "changing the type back brought the values in use back");
    }

    @Test
    void theCursorShowsWhereTheNextCharacterGoes() throws IOException {
        keys("w");
        key(KeyType.ArrowLeft);
        key(KeyType.ArrowLeft);
        screen();
        List<String> lines = Fixtures.lines(terminal);
        int y = 0;
        while (!lines.get(y).contains("params: duration=10s")) {
            y++;
        }
        int x = lines.get(y).indexOf("params: ") + "params: ".length() + "duration=1".length();
        assertEquals("0", terminal.getCharacter(x, y).getCharacterString());
        assertTrue(terminal.getCharacter(x, y).getModifiers().contains(com.googlecode.lanterna.SGR.REVERSE), "the cursor cell is reversed");
        assertFalse(terminal.getCharacter(x - 1, y).getModifiers().contains(com.googlecode.lanterna.SGR.REVERSE));
    }

    @Test
    void helpIsWrappedNotCutAt80And120Columns() throws IOException {
        for (int cols : new int[] {80, 120}) {
            terminal.setTerminalSize(new com.googlecode.lanterna.TerminalSize(cols, 30));
            ui.state().workload = ChosenWorkload.of(WorkloadSpec.of("pool"));
            keys("w");
            String text = screen().replace('│', ' ').replaceAll("\\s+", " ");
            assertTrue(text.contains(org.threadlab.work.Workloads.type("pool").description()), cols + " columns:\n" + screen());
            assertTrue(text.contains("Backspace Delete Ctrl-U/K/W delete"), text);
            key(KeyType.Escape);
        }
    }

    @Test
    void escapeThenAQuickKeyIsNotReadAsAlt() {
        keys("w");
        // the terminal sent ESC and 't' together: Lanterna reports Alt+t
        ui.key(new KeyStroke('t', false, true));
        ui.drain();
        assertEquals(UiState.Overlay.NONE, ui.state().overlay, "Esc closed the dialog");
        assertEquals("sleep", ui.state().workload.written().type(), "nothing typed into it was used");
        assertEquals(1, supervisor.workers().size(), "and t started a thread");
        keys("12");
        ui.key(new KeyStroke('p', false, true));
        ui.drain();
        assertEquals(2, supervisor.workers().size(), "Esc cancelled the count: one more, and...");
        assertEquals(WorkerKind.PROCESS, supervisor.workers().get(1).kind(), "...p started it");
    }

    @Test
    void quitAsksWhenNonDaemonWorkersRunAndCanBeCancelled() throws Exception {
        keys("t");
        keys("q");
        assertEquals(UiState.Overlay.QUIT, ui.state().overlay);
        assertTrue(screen().contains("1 non-daemon worker is still running"));
        keys("c");
        assertEquals(UiState.Overlay.NONE, ui.state().overlay);
        assertFalse(ui.state().exit);
        keys("q");
        keys("k");
        await(() -> ui.state().exit, ui::drain);
        assertEquals(WorkerState.TERMINATED, supervisor.workers().get(0).state());
    }

    @Test
    void onATooSmallTerminalQQuitsAsTheMessageSaysEvenFromTheWorkloadDialog() throws Exception {
        keys("t");
        keys("w");
        terminal.setTerminalSize(new com.googlecode.lanterna.TerminalSize(60, 20));
        assertTrue(screen().contains("press q to quit"), screen());
        keys("q");
        assertEquals(UiState.Overlay.QUIT, ui.state().overlay, "q typed into the dialog no one can see");
        String asked = screen().replaceAll("\\s+", " ");
        assertTrue(asked.contains("1 non-daemon worker is still running: w wait for them, k kill them, c or Esc cancel"), asked);
        keys("t");
        assertEquals(1, supervisor.workers().size(), "a key whose effect cannot be seen does nothing");
        keys("k");
        await(() -> ui.state().exit, ui::drain);
        assertEquals(WorkerState.TERMINATED, supervisor.workers().get(0).state());
    }

    @Test
    void theQuitQuestionCountsWorkersAsTheyEnd() throws Exception {
        ui.state().workload = ChosenWorkload.of(WorkloadSpec.of("sleep").with("duration", "300ms"));
        keys("2t");
        keys("q");
        assertTrue(screen().contains("2 non-daemon workers are still running"), screen());
        // the workers end while the question is open: each new model brings its count down
        // as the screen loop does with every model the hub publishes
        await(() -> ui.state().quitRunning == 0, () -> {
            ui.post(new UiEvent.NewModel(feed.awaitCurrent()));
            ui.drain();
        });
        assertTrue(screen().contains("No non-daemon worker is running any more"), screen());
        assertTrue(screen().contains("w quit now"), screen());
        assertEquals(UiState.Overlay.QUIT, ui.state().overlay, "still asked: the user decides");
        keys("w");
        await(() -> ui.state().exit, ui::drain);
    }

    @Test
    void quitWithOnlyDaemonsLeavesAtOnceAndStopsThem() throws Exception {
        keys("dt");
        keys("q");
        assertEquals(UiState.Overlay.NONE, ui.state().overlay);
        await(() -> ui.state().exit, ui::drain);
        assertTrue(supervisor.workers().get(0).state().ended());
    }

    @Test
    void quitCanWaitForNonDaemonWorkers() throws Exception {
        ui.state().workload = ChosenWorkload.of(WorkloadSpec.of("sleep").with("duration", "300ms"));
        keys("t");
        keys("q");
        keys("w");
        assertNotNull(ui.state().stopping);
        await(() -> ui.state().exit, ui::drain);
        assertEquals(WorkerState.FINISHED, supervisor.workers().get(0).state());
    }

    @Test
    void helpOpensWithQuestionMarkAndF1AndAnyKeyCloses() {
        keys("?");
        assertEquals(UiState.Overlay.HELP, ui.state().overlay);
        keys("x");
        assertEquals(UiState.Overlay.NONE, ui.state().overlay);
        key(KeyType.F1);
        assertEquals(UiState.Overlay.HELP, ui.state().overlay);
    }

    @Test
    void theLoopDrawsKeysAndRestoresTheScreenOnQuit() throws Exception {
        Thread loop = new Thread(() -> {
            try {
                ui.run();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        loop.start();
        terminal.addInput(new KeyStroke('d', false, false));
        await(() -> Fixtures.text(terminal).contains("daemon:ON"), () -> { });
        terminal.addInput(new KeyStroke('q', false, false));
        loop.join(10_000);
        assertFalse(loop.isAlive(), "q quits");
        assertTrue(terminal.isCursorVisible(), "the screen was stopped");
    }
}
