package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threadlab.model.Attached;
import org.threadlab.model.ModelHub;
import org.threadlab.model.WorkerSample;
import org.threadlab.sample.Sampler;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;

/**
 * Issue 14: a real process attached through the command Enter will call: its rows on the screen, the
 * worker keys refused on them (said on the status line, the process untouched), its exit shown, and
 * c clearing it with the ended workers.
 */
class AttachedKeysTest {
    private Process sleep;
    private Supervisor supervisor;
    private ModelHub feed;
    private DefaultVirtualTerminal terminal;
    private TerminalUi ui;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(new java.io.File("/proc/self/stat").canRead(), "reads /proc");
        sleep = new ProcessBuilder("sleep", "300").start();
        supervisor = new Supervisor(Limits.DEFAULT.withGrace(Duration.ofMillis(500)), false);
        feed = ModelHub.start(new Sampler(Duration.ofSeconds(1)), supervisor);
        terminal = Fixtures.terminal(160, 40);
        ui = new TerminalUi(Fixtures.screen(terminal), supervisor, feed, new UiOptions(Duration.ofSeconds(1), false, false, true),
                TerminalUi.FrameSync.NONE, Runnable::run);
    }

    @AfterEach
    void stop() {
        if (sleep != null) {
            sleep.destroyForcibly();
        }
        if (feed != null) {
            feed.close();
            supervisor.close();
        }
    }

    private void keys(String chars) {
        for (char c : chars.toCharArray()) {
            ui.key(new KeyStroke(c, false, false));
        }
        ui.drain();
    }

    private String screen() throws Exception {
        ui.render();
        return Fixtures.text(terminal);
    }

    /** The screen as text, for conditions (which cannot throw). */
    private String screenText() {
        try {
            return screen();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, Runnable step, String what) throws InterruptedException {
        await(condition, step, what, () -> "");
    }

    /** As above; {@code detail} says what was seen when it times out. */
    private static void await(BooleanSupplier condition, Runnable step, String what,
                              java.util.function.Supplier<String> detail) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "\n" + detail.get());
            }
            step.run();
            Thread.sleep(20);
        }
    }

    /**
     * The state cell of the threads table's row of thread {@code tid} (TID == PID: a single-threaded
     * process), read under the table's own "state" header; null without such a row. Which columns sit
     * between tid and state depends on the width left: the fitted id, pid and tid columns are as wide as
     * their widest value, so with short PIDs (after the PIDs wrap at pid_max) the "kind" column ("att")
     * fits in too. A pattern with state right after the tid then missed the row at random.
     */
    static String threadState(String screen, long tid) {
        String[] lines = screen.split("\n");
        int header = -1;
        for (int i = 0; i < lines.length && header < 0; i++) {
            if (lines[i].contains("Threads in pid")) {
                header = i + 1;
            }
        }
        if (header < 0 || header >= lines.length) {
            return null;
        }
        String head = left(lines[header]);
        int state = head.indexOf(" state ");
        java.util.regex.Pattern row = java.util.regex.Pattern.compile("^\\s*- \\S+\\s+" + tid + "\\s+" + tid + "\\s");
        for (int i = header + 1; i < lines.length && state >= 0; i++) {
            String line = left(lines[i]);
            if (row.matcher(line).find() && line.length() > state + 1) {
                String cell = line.substring(state + 1).trim();
                return cell.isEmpty() ? "" : cell.split("\\s+")[0];
            }
        }
        return null;
    }

    /** The threads table's part of a screen line: left of the line between the tables. */
    private static String left(String line) {
        int bar = line.indexOf('\u2502');
        return bar < 0 ? line : line.substring(0, bar);
    }

    @Test
    void theStateIsReadUnderItsHeaderWhateverColumnsFit() {
        // long PIDs leave no room for "kind"; short ones (PIDs wrapped) do: the second is the table of a
        // failed run's screen (pid 318), with a made-up R in the processes table beside it, not to be read
        String narrow = String.join("\n",
                "\u2500 > Threads in pid 29817, 31825 (1) \u2500\u2500\u2500\u252c\u2500 Processes (1) \u2500",
                " id name       pid   tid state d workload     cpu%\u2502 id name",
                "  - sleep    31825 31825 S     - attached: p\u2026  0.0\u2502  - sleep    31825");
        String wide = String.join("\n",
                "\u2500 > Threads in pid 29817, 318 (1) \u2500\u2500\u2500\u252c\u2500 Processes (1) \u2500",
                " id name     pid tid kind state d workload      cpu%\u2502 id name     pid tid kind state",
                "  - sleep    318 318 att  S     - attached: p\u2026   0.0\u2502  - sleep    318 318 att  R");
        assertEquals("S", threadState(narrow, 31825));
        assertEquals("S", threadState(wide, 318));
        assertEquals(null, threadState(wide, 319));
    }

    @Test
    void workerKeysRefuseAnAttachedProcessWhichExitsAndIsCleared() throws Exception {
        long pid = sleep.pid();
        assertEquals(Reaction.REBUILD, ui.commands().attach(pid));
        assertTrue(ui.state().status.startsWith("watching pid " + pid), ui.state().status);
        feed.sampleNow();
        String s = screen();
        assertTrue(s.contains("Threads in pid " + ProcessHandle.current().pid() + ", " + pid), s);
        // a sleep just started may still be R (exec, start-up) on a busy machine: it shows S once it sleeps
        await(() -> "S".equals(threadState(screenText(), pid)), () -> {
            feed.sampleNow();
            ui.drain();
        }, "the attached sleep shown in state S", () -> {
            String kernel;
            try {
                kernel = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/task/" + pid + "/stat"));
            } catch (java.io.IOException e) {
                kernel = e.toString();
            }
            return "model: " + feed.latest().process(pid) + "\nkernel: " + kernel + "\n" + screenText();
        });

        // the processes table: k and K open the signal menu on it (htop's k: it asks before sending,
        // threadlab did not start it), j joins no attached process
        ui.key(new KeyStroke(KeyType.Tab));
        assertEquals(Pane.PROCESSES, ui.state().focus);
        WorkerSample row = Rows.selected(feed.latest(), ui.state()).orElseThrow();
        assertTrue(Attached.is(row.info()), "the attached process is selected");
        for (String key : new String[] {"k", "K"}) {
            keys(key);
            assertEquals(UiState.Overlay.SIGNAL, ui.state().overlay, key);
            assertEquals(pid, ui.state().signalMenu.target().pid(), key);
            assertFalse(ui.state().signalMenu.target().ours(), "asked before anything is sent: " + key);
            ui.key(new KeyStroke(KeyType.Escape));
            assertEquals(UiState.Overlay.NONE, ui.state().overlay, key);
        }
        keys("j");
        assertEquals("sleep (pid " + pid + ") is attached, not a worker: threadlab does not join it", ui.state().status);
        assertTrue(ui.state().statusError);
        assertTrue(ui.state().joins.isEmpty(), "no join waits for it");
        // its thread, in the threads table: the menu is its process's
        ui.key(new KeyStroke(KeyType.ReverseTab));
        ui.key(new KeyStroke(KeyType.End));
        keys("k");
        assertEquals(UiState.Overlay.SIGNAL, ui.state().overlay);
        assertEquals(pid, ui.state().signalMenu.target().pid());
        ui.key(new KeyStroke(KeyType.Escape));
        assertTrue(sleep.isAlive(), "untouched");

        // it exits: said in the events, its rows kept, dimmed, EXIT
        sleep.destroyForcibly().waitFor();
        await(() -> feed.latest().process(pid).map(Attached::exited).orElse(false), feed::sampleNow, "the exit seen");
        s = screen();
        assertTrue(s.contains("pid " + pid + " (sleep) exited"), s);
        assertEquals("EXIT", threadState(s, pid), s);

        // c clears it with the ended workers
        keys("c");
        assertEquals("cleared 0 ended workers and 1 exited attached process", ui.state().status);
        s = screen();
        assertTrue(!s.contains(" EXIT "), s);
        assertTrue(feed.latest().process(pid).isEmpty());
    }

    @Test
    void attachRefusesWhatCannotBeWatchedAndDetachStops() throws Exception {
        long self = ProcessHandle.current().pid();
        assertEquals(Reaction.REDRAW, ui.commands().attach(self));
        assertTrue(ui.state().status.startsWith("cannot watch pid " + self + ": pid " + self + " is threadlab itself"),
                ui.state().status);
        assertTrue(ui.state().statusError);
        long pid = sleep.pid();
        ui.commands().attach(pid);
        feed.sampleNow();
        assertTrue(screen().contains(" sleep "));
        assertEquals(Reaction.REBUILD, ui.commands().detach(pid));
        assertEquals("no longer watching pid " + pid, ui.state().status);
        assertTrue(!screen().contains(" sleep "));
        assertTrue(feed.latest().process(pid).isEmpty());
    }
}
