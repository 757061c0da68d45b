package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;
import org.threadlab.model.ModelHub;
import org.threadlab.sample.Sampler;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerState;

/** A pool's member processes on the screen: rows that keys act on, and not workers to wait for at quit. */
@ExtendWith(NoChildrenLeft.class)
class MemberKeysTest {
    private Supervisor supervisor;
    private ModelHub feed;
    private DefaultVirtualTerminal terminal;
    private TerminalUi ui;

    @BeforeEach
    void start() throws IOException {
        supervisor = new Supervisor(Limits.DEFAULT.withGrace(Duration.ofMillis(500)), false);
        feed = ModelHub.start(new Sampler(Duration.ofSeconds(1)), supervisor);
        terminal = Fixtures.terminal(160, 40);
        TerminalScreen screen = Fixtures.screen(terminal);
        ui = new TerminalUi(screen, supervisor, feed, new UiOptions(Duration.ofSeconds(1), false, false, true),
                TerminalUi.FrameSync.NONE, Runnable::run);
        ui.state().workload = ChosenWorkload.of(WorkloadSpec.of("pool").with("pool", "process").with("workers", "2")
                .with("inputs", "40").with("task", "sleep").with("cost", "1s"));
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
        feed.sampleNow();
    }

    private List<WorkerInfo> members() {
        return supervisor.workers().stream().filter(WorkerInfo::isMember).toList();
    }

    private static void await(BooleanSupplier condition, Runnable step, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            step.run();
            Thread.sleep(20);
        }
    }

    @Test
    void aMemberRowIsSelectedAndKilledLikeAnyProcess() throws Exception {
        keys("t");
        await(() -> members().size() == 2, feed::sampleNow, "two pool processes");
        key(KeyType.Tab);
        assertEquals(Pane.PROCESSES, ui.state().focus);
        WorkerInfo first = members().get(0);
        assertEquals(first.id(), Rows.selected(feed.latest(), ui.state()).orElseThrow().info().id(), "the first member is selected");
        keys("K");
        await(() -> supervisor.worker(first.id()).orElseThrow().state().ended(), ui::drain, "the member killed");
        assertEquals("terminated by SIGKILL", supervisor.worker(first.id()).orElseThrow().reason());
        WorkerInfo pool = supervisor.workers().get(0);
        await(() -> supervisor.worker(pool.id()).orElseThrow().state().ended(), ui::drain, "the pool to notice");
        assertEquals(WorkerState.FAILED, supervisor.worker(pool.id()).orElseThrow().state());
    }

    @Test
    void quitCountsThePoolNotItsProcesses() throws Exception {
        keys("t");
        await(() -> members().size() == 2, feed::sampleNow, "two pool processes");
        keys("q");
        assertEquals(UiState.Overlay.QUIT, ui.state().overlay);
        assertEquals(1, ui.state().quitRunning, "one worker to wait for: its pool processes end with it");
        keys("k");
        await(() -> ui.state().exit, ui::drain, "quit");
        await(() -> supervisor.workers().stream().allMatch(w -> w.state().ended()), ui::drain, "every worker ended");
        assertTrue(members().stream().allMatch(w -> w.state().ended()));
    }
}
