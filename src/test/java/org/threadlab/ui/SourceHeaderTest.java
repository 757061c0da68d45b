package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.threadlab.model.ModelHub;
import org.threadlab.sample.DataSource;
import org.threadlab.sample.Platform;
import org.threadlab.sample.Sampler;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;

/** The live screen says which source makes its figures: the sampler's, through the hub, in the header. */
class SourceHeaderTest {
    @Test
    void theHeaderNamesTheSamplersSource() throws Exception {
        ExecutorService actions = Executors.newSingleThreadExecutor();
        DefaultVirtualTerminal terminal = Fixtures.terminal(120, 30);
        try (Supervisor supervisor = new Supervisor(Limits.DEFAULT, false);
             ModelHub hub = ModelHub.start(new Sampler(Platform.of(DataSource.OSHI), Duration.ofMillis(200)), supervisor)) {
            TerminalUi ui = new TerminalUi(Fixtures.screen(terminal), supervisor, hub,
                    new UiOptions(Duration.ofMillis(200), false, false, true), TerminalUi.FrameSync.NONE, actions);
            Thread loop = new Thread(() -> {
                try {
                    ui.run();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, "source-header-loop");
            loop.start();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!Fixtures.lines(terminal).get(0).contains("every 200ms (oshi)") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            String header = Fixtures.lines(terminal).get(0);
            terminal.addInput(new KeyStroke('q', false, false));
            loop.join(20_000);
            assertTrue(header.contains("every 200ms (oshi)"), header);
            assertFalse(loop.isAlive(), "q quits");
        } finally {
            actions.shutdownNow();
        }
    }
}
