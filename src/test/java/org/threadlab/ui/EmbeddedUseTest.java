package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.threadlab.model.ModelHub;
import org.threadlab.sample.Sampler;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;

/** The screen used inside another program: once it is closed, none of its threads and no child is left. */
class EmbeddedUseTest {
    /** The JDK's own shared daemons, started on first use and kept for the JVM's life: not threadlab's to stop. */
    private static final Set<String> JDK_SHARED = Set.of("process reaper", "CompletableFutureDelayScheduler", "Common-Cleaner");

    @Test
    void quittingAndClosingLeavesNoThreadsAndNoChildren() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        ExecutorService actions = Executors.newSingleThreadExecutor();
        DefaultVirtualTerminal terminal = Fixtures.terminal(100, 30);
        try (Supervisor supervisor = new Supervisor(Limits.DEFAULT.withGrace(Duration.ofMillis(500)), false);
             ModelHub hub = ModelHub.start(new Sampler(Duration.ofMillis(200)), supervisor)) {
            TerminalUi ui = new TerminalUi(Fixtures.screen(terminal), supervisor, hub,
                    new UiOptions(Duration.ofMillis(200), false, false, true), TerminalUi.FrameSync.NONE, actions);
            ui.state().workload = ChosenWorkload.of(WorkloadSpec.of("sleep").with("duration", "30s"));
            Thread loop = new Thread(() -> {
                try {
                    ui.run();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, "embedding-loop");
            loop.start();
            for (char c : "2tpj".toCharArray()) {
                terminal.addInput(new KeyStroke(c, false, false));
            }
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!Fixtures.text(terminal).contains("sleep-3") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Fixtures.text(terminal).contains("sleep-3"), "the process started");
            terminal.addInput(new KeyStroke('q', false, false));
            terminal.addInput(new KeyStroke('k', false, false));
            loop.join(20_000);
            assertFalse(loop.isAlive(), "q, k quits");
        }
        actions.shutdownNow();
        assertTrue(actions.awaitTermination(10, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> left = List.of();
        while (System.nanoTime() < deadline) {
            left = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                    .filter(t -> !JDK_SHARED.contains(t.getName()) && !t.getName().startsWith("ForkJoinPool.commonPool"))
                    .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : "")).sorted().toList();
            if (left.isEmpty() && ProcessHandle.current().children().findAny().isEmpty()) {
                break;
            }
            Thread.sleep(50);
        }
        assertEquals(List.of(), left, "threads left behind");
        assertEquals(0, ProcessHandle.current().children().count(), "children left behind");
    }
}
