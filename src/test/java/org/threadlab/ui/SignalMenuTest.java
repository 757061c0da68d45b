package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threadlab.model.Snapshot;

/**
 * The signal menu (F9) and htop's other F-keys on a fixed snapshot at 80x24: what the menu shows,
 * which keys choose, confirm and cancel, and what reaches the worker commands (never the screen).
 */
class SignalMenuTest {
    private FakeCommands commands;
    private DefaultVirtualTerminal terminal;
    private TerminalUi ui;

    @BeforeEach
    void start() throws IOException {
        Snapshot s = Fixtures.snapshot();
        commands = new FakeCommands(s);
        terminal = Fixtures.terminal(80, 24);
        ui = new TerminalUi(Fixtures.screen(terminal), commands, Fixtures.source(s), new UiOptions(Duration.ofSeconds(1), false, false, true),
                TerminalUi.FrameSync.NONE, Runnable::run, List.of());
    }

    private void key(KeyType type) {
        ui.key(new KeyStroke(type));
    }

    private void key(char c) {
        ui.key(new KeyStroke(c, false, false));
    }

    private String screen() throws IOException {
        ui.render();
        return Fixtures.text(terminal);
    }

    @Test
    void f9OnAProcessWorkerListsTheEightSignalsWithTheirNumbersAt80x24() throws IOException {
        key(KeyType.Tab); // the processes table: cpu-3, PID 4301
        key(KeyType.F9);
        assertEquals(UiState.Overlay.SIGNAL, ui.state().overlay);
        String s = screen();
        assertTrue(s.contains("Send signal to cpu-3 (PID 4301)"), s);
        for (String line : List.of("15 TERM", " 2 INT", " 1 HUP", " 9 KILL", "19 STOP", "18 CONT", "10 USR1", "12 USR2", "Enter send   Esc cancel")) {
            assertTrue(s.contains(line), line + " missing:\n" + s);
        }
        assertTrue(commands.asked.isEmpty(), "opening the menu sends nothing");
    }

    @Test
    void bothMenusDrawInAsciiOnAVt100() throws IOException {
        DefaultVirtualTerminal vt = Fixtures.terminal(80, 24);
        TerminalUi ascii = new TerminalUi(Fixtures.screen(vt), commands, Fixtures.source(Fixtures.snapshot()),
                new UiOptions(Duration.ofSeconds(1), false, true, false), TerminalUi.FrameSync.NONE, Runnable::run, List.of());
        ascii.commands().openSignalMenu(4242, "sleep", false);
        ascii.key(new KeyStroke(KeyType.Enter));
        ascii.render();
        String s = Fixtures.text(vt);
        assertTrue(s.contains("+- Send signal to PID 4242 (sleep) ") && s.contains("send TERM to PID 4242 (sleep)? y/n"), s);
        ascii.key(new KeyStroke(KeyType.Escape));
        ascii.key(new KeyStroke(KeyType.F6));
        ascii.render();
        String sort = Fixtures.text(vt);
        assertTrue(sort.contains("Sort by") && sort.contains("state"), sort);
        for (String text : List.of(s, sort)) {
            text.chars().forEach(ch -> assertTrue(ch >= 0x20 && ch < 0x7f || ch == '\n', "non-ASCII " + Integer.toHexString(ch) + "\n" + text));
        }
    }

    @Test
    void onThreadlabsOwnWorkerEnterSendsAtOnceThroughTheCommands() {
        key(KeyType.Tab);
        key(KeyType.F9);
        for (int i = 0; i < 4; i++) {
            key(KeyType.ArrowDown);
        }
        key(KeyType.Enter);
        assertEquals(List.of("STOP cpu-3"), commands.asked);
        assertEquals(UiState.Overlay.NONE, ui.state().overlay);
        assertEquals("did STOP cpu-3", ui.state().status);
    }

    @Test
    void aThreadWorkerHasNoPidOfItsOwnAndTheMenuSaysSo() {
        key(KeyType.F9); // the threads table: cpu-1, in threadlab's own process
        assertEquals(UiState.Overlay.NONE, ui.state().overlay);
        assertTrue(ui.state().status.contains("cpu-1 is a thread in threadlab's own process: it has no PID of its own"), ui.state().status);
        assertTrue(commands.asked.isEmpty());
    }

    @Test
    void aProcessThreadlabDidNotStartIsSignalledOnlyAfterY() throws IOException {
        ui.commands().openSignalMenu(4242, "sleep", false);
        key(KeyType.Enter);
        assertTrue(commands.asked.isEmpty(), "Enter only asks");
        String s = screen();
        assertTrue(s.contains("send TERM to PID 4242 (sleep)? y/n"), s);
        key('x');
        assertTrue(commands.asked.isEmpty(), "only y sends");
        key('n');
        assertTrue(commands.asked.isEmpty());
        assertEquals(UiState.Overlay.NONE, ui.state().overlay);
        assertEquals("no signal sent", ui.state().status);

        ui.commands().openSignalMenu(4242, "sleep", false);
        key(KeyType.ArrowDown);
        key(KeyType.Enter);
        key('y');
        assertEquals(List.of("INT 4242"), commands.asked);
        assertEquals("did INT 4242", ui.state().status);
    }

    @Test
    void escBackspaceAndDeleteCancelTheMenuAndTheQuestion() {
        for (KeyType cancel : List.of(KeyType.Escape, KeyType.Backspace, KeyType.Delete)) {
            ui.commands().openSignalMenu(4242, "sleep", false);
            key(cancel);
            assertEquals(UiState.Overlay.NONE, ui.state().overlay, cancel + " in the list");
            ui.commands().openSignalMenu(4242, "sleep", false);
            key(KeyType.Enter);
            key(cancel);
            assertEquals(UiState.Overlay.NONE, ui.state().overlay, cancel + " at the question");
        }
        assertTrue(commands.asked.isEmpty());
    }

    @Test
    void aWorkerChosenByItsPidInTheProcessesViewKeepsItsWays() {
        // threadlab started PID 4301: it is cpu-3, and TERM goes to it as a worker's terminate, with no question
        ui.commands().openSignalMenu(4301, "java", true);
        key(KeyType.Enter);
        assertEquals(List.of("TERM cpu-3"), commands.asked);
    }

    @Test
    void f6SortsByTheChosenColumnAndTheSameAgainReverses() throws IOException {
        key(KeyType.F6);
        assertEquals(UiState.Overlay.SORT, ui.state().overlay);
        String s = screen();
        assertTrue(s.contains("Sort by") && s.contains("id (now)") && s.contains("cpu"), s);
        key(KeyType.ArrowDown);
        key(KeyType.ArrowDown);
        key(KeyType.Enter);
        assertEquals(SortKey.CPU, ui.state().sort);
        assertFalse(ui.state().sortReversed);
        key(KeyType.F6);
        key(KeyType.Enter);
        assertEquals(SortKey.CPU, ui.state().sort);
        assertTrue(ui.state().sortReversed);
        assertTrue(screen().contains("sort -cpu"));
        key('s');
        assertFalse(ui.state().sortReversed, "s goes on to the next column, not reversed");
    }

    @Test
    void f4FiltersDeleteTakesOffACharacterAndF10Quits() {
        key(KeyType.F4);
        assertTrue(ui.state().editingFilter);
        key('c');
        key('p');
        key('x');
        key(KeyType.Delete);
        assertEquals("cp", ui.state().filter);
        key(KeyType.Backspace);
        assertEquals("c", ui.state().filter);
        key(KeyType.Enter);
        key(KeyType.F10);
        assertEquals(UiState.Overlay.QUIT, ui.state().overlay);
    }

    @Test
    void theHelpListsEveryNewKeyAndTheFooterF9() throws IOException {
        List<String> keys = ui.state().help.stream().flatMap(sec -> sec.lines().stream()).map(KeyMap.HelpLine::keys).toList();
        assertTrue(keys.contains("k F9"), keys.toString());
        assertTrue(keys.contains("s F6"), keys.toString());
        assertTrue(keys.contains("/ F4"), keys.toString());
        assertTrue(keys.contains("q Q ^C F10"), keys.toString());
        key('?');
        String s = screen();
        assertTrue(s.contains("k F9") && s.contains("F9 signal menu") && s.contains("s F6") && s.contains("/ F4") && s.contains("F10"), s);
    }

    @Test
    void aReplaySendsNoSignal() throws IOException {
        Snapshot s = Fixtures.snapshot();
        TerminalUi replay = new TerminalUi(Fixtures.screen(Fixtures.terminal(80, 24)), new ReplayCommands(), Fixtures.source(s),
                new UiOptions(Duration.ofSeconds(1), false, false, true), TerminalUi.FrameSync.NONE, Runnable::run, List.of());
        replay.key(new KeyStroke(KeyType.Tab));
        replay.key(new KeyStroke(KeyType.F9));
        assertEquals(UiState.Overlay.NONE, replay.state().overlay);
        assertEquals("this is a replay: F9 does nothing", replay.state().status);
    }
}
