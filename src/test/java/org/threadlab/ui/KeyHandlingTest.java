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
    private Sampler feed;
    private DefaultVirtualTerminal terminal;
    private TerminalUi ui;

    @BeforeEach
    void start() throws IOException {
        supervisor = new Supervisor(Limits.DEFAULT.withGrace(Duration.ofMillis(500)), false);
        feed = new Sampler(supervisor, Duration.ofSeconds(1));
        feed.start();
        terminal = Fixtures.terminal(100, 30);
        TerminalScreen screen = Fixtures.screen(terminal);
        ui = new TerminalUi(screen, supervisor, feed, new UiOptions(Duration.ofSeconds(1), false, false, true),
                TerminalUi.FrameSync.NONE, Runnable::run);
        ui.state().workload = WorkloadSpec.of("sleep").with("duration", "10s");
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
    void escapeCancelsACount() {
        keys("12");
        assertEquals(12, ui.state().count);
        key(KeyType.Escape);
        keys("t");
        assertEquals(1, supervisor.workers().size());
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
        ui.state().workload = WorkloadSpec.of("memory").with("size", "1MiB").with("hold", "10s");
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
        keys("t");
        assertEquals(2, supervisor.workers().size(), "keys still act");
        String text = screen();
        assertTrue(text.contains("FROZEN"));
        assertFalse(row(text, "sleep-2"), "the display does not move");
        keys(" ");
        assertNull(ui.state().frozen);
        String live = screen();
        assertTrue(row(live, "sleep-2"), live);
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
        ui.state().workload = WorkloadSpec.of("sleep").with("duration", "300ms");
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
        key(KeyType.ArrowRight);
        assertEquals("cpu", ui.state().dialog.typeName());
        key(KeyType.Enter);
        assertEquals(UiState.Overlay.NONE, ui.state().overlay);
        assertEquals("cpu", ui.state().workload.type());
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
    void quitWithOnlyDaemonsLeavesAtOnceAndStopsThem() throws Exception {
        keys("dt");
        keys("q");
        assertEquals(UiState.Overlay.NONE, ui.state().overlay);
        await(() -> ui.state().exit, ui::drain);
        assertTrue(supervisor.workers().get(0).state().ended());
    }

    @Test
    void quitCanWaitForNonDaemonWorkers() throws Exception {
        ui.state().workload = WorkloadSpec.of("sleep").with("duration", "300ms");
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
