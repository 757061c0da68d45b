package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;
import org.threadlab.model.ModelHub;
import org.threadlab.sample.Sampler;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;

/**
 * Thousands of random key strokes and resizes (down to 1x1) against the real UI, supervisor and
 * sampler: no exception reaches the screen, nothing deadlocks, and the screen still draws.
 */
@ExtendWith(NoChildrenLeft.class)
@Tag("slow") // ten thousand keys take a while: run by `mvn verify`, not by `mvn test`
class KeyFuzzTest {
    private static final String CHARS = "tvpwdkKjJgsc/ +-q?1234567890abcxyz=.\u00e9\u4e2d";
    private static final KeyType[] SPECIAL = {KeyType.ArrowUp, KeyType.ArrowDown, KeyType.ArrowLeft, KeyType.ArrowRight,
            KeyType.PageUp, KeyType.PageDown, KeyType.Home, KeyType.End, KeyType.Tab, KeyType.Enter, KeyType.Escape,
            KeyType.Backspace, KeyType.F1, KeyType.Delete, KeyType.ReverseTab, KeyType.F5, KeyType.Insert};
    private static final TerminalSize[] SIZES = {new TerminalSize(1, 1), new TerminalSize(10, 5), new TerminalSize(79, 23),
            new TerminalSize(80, 24), new TerminalSize(100, 30), new TerminalSize(200, 60), new TerminalSize(300, 10)};

    @Test
    void randomKeysAndResizesNeverBreakTheScreen() {
        long seed = Long.getLong("threadlab.fuzz.seed", System.nanoTime());
        int strokes = Integer.getInteger("threadlab.fuzz.keys", 10_000);
        assertTimeoutPreemptively(Duration.ofSeconds(150), () -> fuzz(seed, strokes), "deadlock? seed " + seed);
    }

    private static void fuzz(long seed, int strokes) throws Exception {
        Random random = new Random(seed);
        ExecutorService actions = Executors.newSingleThreadExecutor();
        // small limits: random 't' and 'p' presses must meet refusals, not fill the machine
        try (Supervisor supervisor = new Supervisor(new Limits(3, 12, Duration.ofMillis(200)), false);
             ModelHub sampler = ModelHub.start(new Sampler(Duration.ofMillis(200)), supervisor)) {
            DefaultVirtualTerminal terminal = Fixtures.terminal(100, 30);
            TerminalScreen screen = Fixtures.screen(terminal);
            TerminalUi ui = new TerminalUi(screen, supervisor, sampler, new UiOptions(Duration.ofMillis(200), false, random.nextBoolean(), random.nextBoolean()),
                    TerminalUi.FrameSync.NONE, actions);
            ui.state().workload = ChosenWorkload.of(WorkloadSpec.of("sleep").with("duration", "300ms"));
            List<String> errors = new ArrayList<>();
            for (int i = 0; i < strokes; i++) {
                int r = random.nextInt(100);
                if (r < 3) {
                    terminal.setTerminalSize(SIZES[random.nextInt(SIZES.length)]);
                } else if (r < 30) {
                    ui.key(new KeyStroke(SPECIAL[random.nextInt(SPECIAL.length)], random.nextInt(10) == 0, false));
                } else {
                    ui.key(new KeyStroke(CHARS.charAt(random.nextInt(CHARS.length())), random.nextInt(20) == 0, random.nextInt(30) == 0));
                }
                ui.state().exit = false; // a random 'q' must not end the fuzzing
                ui.drain();
                ui.render();
                String status = ui.state().status;
                if (status.startsWith("display error") || status.startsWith("error: java")) {
                    errors.add("after stroke " + i + ": " + status);
                }
                if (i % 500 == 0) {
                    sampler.sampleNow();
                }
            }
            assertTrue(errors.isEmpty(), "seed " + seed + ": " + errors);
            terminal.setTerminalSize(new TerminalSize(100, 30));
            ui.key(new KeyStroke(KeyType.Escape));
            ui.key(new KeyStroke(KeyType.Escape));
            ui.drain();
            ui.render();
            String text = Fixtures.text(terminal);
            assertTrue(text.contains("threadlab"), "seed " + seed + ": the screen still draws:\n" + text);
            assertFalse(text.contains("Exception"), text);
        } finally {
            actions.shutdownNow();
        }
    }
}
