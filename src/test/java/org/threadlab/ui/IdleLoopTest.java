package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.threadlab.model.Snapshot;
import org.threadlab.model.SnapshotSource;

/**
 * An idle screen costs one frame per model and writes only what changed: the loop sleeps until an
 * event comes, a model that changes nothing on screen writes not one byte to the terminal, and
 * nothing is drawn between models. The bytes are counted on the terminal's own output stream.
 */
class IdleLoopTest {
    /** A source whose newest snapshot the test sets; it posts nothing by itself (the test posts the models). */
    private static final class SetSource implements SnapshotSource {
        volatile Snapshot latest;

        SetSource(Snapshot s) {
            latest = s;
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
        public void setInterval(Duration d) {}

        @Override
        public void close() {}
    }

    /** An ANSI terminal of a fixed size writing to a byte counter, its keyboard a pipe the test closes at the end. */
    private static ANSITerminal counting(AtomicLong bytes, PipedInputStream keys) {
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.addAndGet(len);
            }
        };
        return new ANSITerminal(keys, out, StandardCharsets.UTF_8) {
            @Override
            protected TerminalSize findTerminalSize() {
                return new TerminalSize(120, 40);
            }
        };
    }

    private static void await(String what, LongSupplier value, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (value.getAsLong() < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 10 s for " + what + " to reach " + atLeast + "; it is " + value.getAsLong());
            }
            Thread.sleep(5);
        }
    }

    @Test
    void anIdleScreenDrawsOncePerModelAndWritesNothingWhenNothingChanged() throws Exception {
        AtomicLong bytes = new AtomicLong();
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream keys = new PipedInputStream(typing);
        SetSource source = new SetSource(Fixtures.lab());
        TerminalUi ui = new TerminalUi(new TerminalScreen(counting(bytes, keys)), new ReplayCommands(), source,
                new UiOptions(Duration.ofSeconds(1), false, false, true), TerminalUi.FrameSync.escapes(OutputStream.nullOutputStream()),
                Runnable::run, List.of());
        Thread loop = new Thread(() -> {
            try {
                ui.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "idle-loop-test");
        loop.start();
        try {
            await("the first frame", ui::framesWritten, 1);
            long first = bytes.get();
            assertTrue(first > 1000, "the first frame is the whole screen: " + first + " bytes");

            // five ticks whose model shows what is on screen already: five frames drawn, none written
            for (int tick = 1; tick <= 5; tick++) {
                ui.post(new UiEvent.NewModel(source.latest));
                await("frame " + (tick + 1), ui::framesDrawn, 1 + tick);
            }
            assertEquals(first, bytes.get(), "models that change nothing on screen write not one byte");
            assertEquals(1, ui.framesWritten());
            assertEquals(6, ui.framesDrawn(), "one frame per model");

            // nothing comes for longer than the loop used to wait: nothing is drawn (the old loop drew every second)
            assertEquals(-1, ui.wakeMillis(), "nothing moves by itself: the loop sleeps until an event comes");
            long quietUntil = System.nanoTime() + 1_300_000_000L;
            while (System.nanoTime() < quietUntil) {
                Thread.sleep(50);
            }
            assertEquals(6, ui.framesDrawn(), "no frame without an event");
            assertEquals(first, bytes.get());

            // a model that changes the screen is written, and only the cells that changed
            source.latest = Fixtures.snapshot();
            ui.post(new UiEvent.NewModel(source.latest));
            await("the changed frame written", ui::framesWritten, 2);
            long changed = bytes.get() - first;
            assertTrue(changed > 0 && changed < first, "the changed cells only: " + changed + " bytes against " + first + " for the whole screen");
        } finally {
            typing.close(); // end of input: the screen quits
            loop.join(10_000);
        }
        assertTrue(!loop.isAlive(), "the screen ended at the end of input");
    }

    @Test
    void theLoopWakesOnItsOwnOnlyWhileATimerRunsOnScreen() throws IOException {
        TerminalUi ui = new TerminalUi(Fixtures.screen(Fixtures.terminal(120, 40)), new ReplayCommands(), Fixtures.source(Fixtures.lab()),
                new UiOptions(Duration.ofSeconds(1), false, false, true), TerminalUi.FrameSync.NONE, Runnable::run, List.of());
        assertEquals(-1, ui.wakeMillis(), "idle: sleep until an event");
        ui.state().joins.put(1, new UiState.PendingJoin(1, "sleep-1", System.nanoTime(), null));
        assertEquals(100, ui.wakeMillis(), "a join's wait runs on screen in hundredths: the loop wakes to move it");
        ui.state().joins.clear();
        ui.state().stopping = "stopping 2 workers";
        assertEquals(100, ui.wakeMillis(), "the quit's wait too");
    }

    private static TerminalUi withRound(double wallSoFar) throws IOException {
        List<org.threadlab.model.Round> rounds = new java.util.ArrayList<>(RoundFixtures.three());
        rounds.add(RoundFixtures.running(RoundFixtures.info(4, 100, org.threadlab.worker.WorkerKind.THREAD, false), wallSoFar, 0.01));
        Snapshot s = RoundFixtures.with(rounds);
        TerminalUi ui = new TerminalUi(Fixtures.screen(Fixtures.terminal(120, 40)), new ReplayCommands(), Fixtures.source(s),
                new UiOptions(Duration.ofSeconds(1), false, false, true), TerminalUi.FrameSync.NONE, Runnable::run, List.of());
        ui.post(new UiEvent.NewModel(s));
        ui.drain();
        return ui;
    }

    @Test
    void aRunningRoundWakesTheLoopWhenItsStopwatchChangesOnly() throws IOException {
        // its first minute shows tenths: the next tenth
        TerminalUi young = withRound(1.0);
        long at = young.state().modelNanos;
        assertEquals(101, young.wakeMillis(at), "1.0 s: 1.1 is shown 100 ms later");
        assertEquals(71, young.wakeMillis(at + 30_000_000L));
        // then whole seconds: at a 1 s interval each model's frame shows the next one, no frame between
        TerminalUi old = withRound(90.0);
        at = old.state().modelNanos;
        assertEquals(-1, old.wakeMillis(at + 250_000_000L), "models every second move a clock of seconds");
        // at a longer interval, one frame a second between models, not ten
        old.state().interval = Duration.ofSeconds(2);
        assertEquals(751, old.wakeMillis(at + 250_000_000L), "1:30.25 -> 1:31 in 750 ms");
        // a frozen screen's clock stands still: nothing to wake for
        old.state().frozen = old.state().frozen == null ? RoundFixtures.with(RoundFixtures.three()) : null;
        assertEquals(-1, old.wakeMillis(at + 250_000_000L));
    }
}
