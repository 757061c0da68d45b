package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlab.model.Snapshot;
import org.threadlab.model.WorkerSample;
import org.threadlab.record.Recorder;
import org.threadlab.record.RecordingReader;
import org.threadlab.record.ReplaySource;
import org.threadlab.sample.History;
import org.threadlab.worker.Event;

/**
 * Record, then replay: the replayed models draw exactly the screens the recorded ones did, every
 * cell with its colours, at 80x24 and 120x40; and the replay's keys act on a replay only.
 */
class ReplayScreensTest {
    @TempDir
    Path dir;

    /** Fixtures.lab() as it goes on: a second a model, cpu-1's history growing, an event at model 3. */
    static List<Snapshot> session(int n) {
        List<Snapshot> out = new ArrayList<>();
        Snapshot lab = Fixtures.lab();
        for (int i = 0; i < n; i++) {
            List<WorkerSample> workers = new ArrayList<>();
            for (WorkerSample w : lab.workers()) {
                double[] h = w.cpuHistory().toArray();
                double[] more = java.util.Arrays.copyOf(h, h.length + i);
                for (int k = h.length; k < more.length; k++) {
                    more[k] = (k * 37 % 100) + 0.5;
                }
                double cpu = Double.isNaN(w.cpuPercent()) ? w.cpuPercent() : w.cpuPercent() + i;
                workers.add(new WorkerSample(w.info(), cpu, w.core(), w.memoryBytes() + i * 1024L, w.threadState(), new History(more),
                        w.state(), w.gilHeld(), w.gilWaited()));
            }
            List<Event> events = new ArrayList<>(lab.events());
            if (i >= 3) {
                events.add(new Event(4, Fixtures.NOW.plusSeconds(3), Event.Type.FINISHED, 13, "counter-13 finished after 2.00s"));
            }
            out.add(new Snapshot(lab.seq() + i, lab.takenAt().plusSeconds(i), lab.interval(), lab.selfPid(), lab.host(),
                    lab.processes(), workers, lab.gil(), events));
        }
        return out;
    }

    private static List<List<TextCharacter>> draw(Snapshot s, UiState st, int cols, int rows) throws IOException {
        DefaultVirtualTerminal t = Fixtures.terminal(cols, rows);
        TerminalScreen screen = Fixtures.screen(t);
        Renderer.draw(screen.newTextGraphics(), new Theme(true, false), s, st, 0);
        screen.refresh(Screen.RefreshType.DELTA);
        List<List<TextCharacter>> cells = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<TextCharacter> row = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                row.add(t.getCharacter(c, r));
            }
            cells.add(row);
        }
        return cells;
    }

    private ReplaySource replayOf(List<Snapshot> models) throws Exception {
        Path f = dir.resolve("session.jsonl");
        try (Recorder r = new Recorder(f, 1 << 20, "ui", Duration.ofSeconds(1))) {
            for (Snapshot s : models) {
                r.accept(s);
            }
        }
        return new ReplaySource(RecordingReader.read(f));
    }

    @Test
    void theReplayDrawsTheSameScreens() throws Exception {
        List<Snapshot> models = session(6);
        try (ReplaySource replay = replayOf(models)) {
            for (int i = 0; i < models.size(); i++) {
                for (TerminalSize size : List.of(new TerminalSize(80, 24), new TerminalSize(120, 40))) {
                    UiState st = new UiState(Duration.ofSeconds(1));
                    st.selected.put(Pane.THREADS, 1);
                    assertEquals(draw(models.get(i), st, size.getColumns(), size.getRows()),
                            draw(replay.latest(), st, size.getColumns(), size.getRows()), "model " + i + " at " + size);
                }
                assertEquals(i < models.size() - 1, replay.step(1));
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void replayKeysStepPlayAndRefuseToChangeWorkers() throws Exception {
        try (ReplaySource replay = replayOf(session(6))) {
            DefaultVirtualTerminal t = Fixtures.terminal(120, 40);
            TerminalUi ui = new TerminalUi(Fixtures.screen(t), new ReplayCommands(), replay,
                    new UiOptions(Duration.ofSeconds(1), false, false, true), TerminalUi.FrameSync.NONE, Runnable::run,
                    List.of(ReplayKeys.group(replay)))
                    .showing(() -> replay.position().label(), "paused at the first model: space plays");
            ui.render();
            String s = Fixtures.text(t);
            assertTrue(s.contains("REPLAY || x1  1/6  0:00/0:05"), s);
            assertTrue(s.contains("paused at the first model: space plays"), s);
            assertTrue(s.contains("space play/pause"), "the footer shows the replay's keys: " + s);
            String footer = s.lines().reduce((a, b) -> b).orElseThrow();
            assertTrue(footer.contains("n next event") && footer.contains("s sort") && footer.contains("Tab pane")
                    && footer.contains("? help") && footer.contains("q quit"), footer);
            for (String live : List.of("t thread", "v virtual", "w workload", "k stop", "j join", "g GIL", "K kill", "c clear", "+- interval")) {
                assertFalse(footer.contains(live), "a replay's footer lists no key that does nothing in it (" + live + "): " + footer);
            }
            assertFalse(s.contains("workload: "), "a replay starts nothing: no workload for the next starts: " + s);

            key(ui, '.');
            key(ui, '.');
            assertEquals(2, replay.position().index());
            key(ui, ',');
            assertEquals(1, replay.position().index());
            s = render(ui, t);
            assertTrue(s.contains("REPLAY || x1  2/6  0:01/0:05"), s);

            // every key that would start, stop or change workers, or what is started next, says so and does nothing
            for (char c : "tvwdkKjJgc+-=_4".toCharArray()) {
                key(ui, c);
                s = render(ui, t);
                assertTrue(s.contains("this is a replay: " + c + " does nothing"), c + ": " + s);
                assertEquals(UiState.Overlay.NONE, ui.state().overlay, "no dialog opens: " + c);
            }
            assertEquals(1, replay.position().index(), "nor does the replay move");

            key(ui, 'n');
            assertEquals(3, replay.position().index(), "the model where counter-13's end first shows");
            key(ui, 'n');
            assertTrue(render(ui, t).contains("no event after this model"));

            key(ui, '>');
            key(ui, '>');
            key(ui, '>');
            key(ui, '>');
            assertTrue(render(ui, t).contains("REPLAY || x16"));
            key(ui, ' ');
            await(() -> replay.position().atEnd() && !replay.position().playing(), "the replay to play to its end");
            s = render(ui, t);
            assertTrue(s.contains("REPLAY || x16  6/6  0:05/0:05"), s);
            for (int i = 0; i < 8; i++) {
                key(ui, '<');
            }
            assertTrue(render(ui, t).contains("REPLAY || x0.25"));

            key(ui, '?');
            s = render(ui, t);
            assertTrue(s.contains("jump to the next event") && s.contains("play / pause"), "the help lists the replay's keys: " + s);
            for (String live : List.of("start a thread", "terminate selected", "join selected", "simulated GIL on/off", "clear ended workers")) {
                assertFalse(s.contains(live), "a replay's help does not offer what its keys do live (" + live + "): " + s);
            }
            assertTrue(s.contains("(stop/join/GIL: live only)") && s.contains("(start, clear: live only)"), s);
            key(ui, 'x');
            key(ui, 'q');
            ui.drain();
            await(() -> {
                ui.drain();
                return ui.state().exit;
            }, "q to quit: nothing to wait for");
        }
    }

    @Test
    void everyKeyThatActsInAReplayIsInItsHelpAndEveryListedKeyActs() throws Exception {
        try (ReplaySource replay = replayOf(session(3))) {
            KeyMap table = new KeyMap(List.of(ReplayKeys.group(replay), LiveKeys.GROUP));
            java.util.Set<String> listed = new java.util.HashSet<>();
            for (KeyMap.HelpSection section : table.help()) {
                for (KeyMap.HelpLine line : section.lines()) {
                    if (line.keys().equals("0-9")) {
                        "0123456789".chars().forEach(d -> listed.add(String.valueOf((char) d)));
                    } else {
                        listed.addAll(List.of(line.keys().split(" ")));
                    }
                }
            }
            java.util.Set<String> acting = new java.util.HashSet<>();
            // every key a terminal can send, as HelpKeysTest presses them on the live table
            List<KeyStroke> every = new ArrayList<>();
            for (char ch = ' '; ch < 127; ch++) {
                every.add(new KeyStroke(ch, false, false));
            }
            for (char ch = 'a'; ch <= 'z'; ch++) {
                every.add(new KeyStroke(ch, true, false));
            }
            for (com.googlecode.lanterna.input.KeyType type : com.googlecode.lanterna.input.KeyType.values()) {
                if (type != com.googlecode.lanterna.input.KeyType.Character && type != com.googlecode.lanterna.input.KeyType.EOF
                        && type != com.googlecode.lanterna.input.KeyType.MouseEvent
                        && type != com.googlecode.lanterna.input.KeyType.CursorLocation) {
                    every.add(new KeyStroke(type));
                }
            }
            for (KeyStroke k : every) {
                UiState st = new UiState(Duration.ofSeconds(1));
                Controller c = new Controller(new ReplayCommands(), replay, st, table, new Tasks(Runnable::run, e -> { }),
                        () -> new TerminalSize(120, 40));
                try {
                    if (c.key(k) != Reaction.NONE) {
                        acting.add(Key.of(k).label());
                    }
                } finally {
                    c.close();
                }
            }
            assertEquals(listed, acting);
            assertTrue(listed.containsAll(List.of("space", "p", ".", ",", ">", "<", "n", "w", "+", "=", "-", "_", "4")), listed.toString());
        }
    }

    @Test
    void anEmptyTableInAReplaySaysSoWithoutOfferingToStartAWorker() throws IOException {
        Snapshot lab = Fixtures.lab();
        Snapshot none = new Snapshot(lab.seq(), lab.takenAt(), lab.interval(), lab.selfPid(), lab.host(), lab.processes(),
                List.of(), lab.gil(), lab.events());
        UiState st = new UiState(Duration.ofSeconds(1));
        st.replay = "REPLAY || x1  1/1  0:00/0:00";
        DefaultVirtualTerminal t = Fixtures.terminal(120, 40);
        TerminalScreen screen = Fixtures.screen(t);
        Renderer.draw(screen.newTextGraphics(), new Theme(false, true), none, st, 0);
        screen.refresh(Screen.RefreshType.DELTA);
        String s = Fixtures.text(t);
        assertTrue(s.contains("no threads in this model") && s.contains("no processes in this model"), s);
        assertFalse(s.contains("starts one"), s);
        assertTrue(s.contains("REPLAY || x1  1/1  0:00/0:00"), s);
    }

    private static void key(TerminalUi ui, char c) {
        ui.key(new KeyStroke(c, false, false));
        ui.drain();
    }

    private static String render(TerminalUi ui, DefaultVirtualTerminal t) throws IOException {
        ui.render();
        return Fixtures.text(t);
    }
}
