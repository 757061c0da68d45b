package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threadlab.model.Snapshot;

/**
 * The mouse on a drawn screen: a click where a row shows selects it, a click on a header sorts (again:
 * reversed), the wheel scrolls the pane under it; positions are found on the screen as a user would.
 */
class MouseTest {
    private DefaultVirtualTerminal terminal;
    private TerminalUi ui;
    private FakeCommands commands;

    @BeforeEach
    void start() throws IOException {
        Snapshot s = Fixtures.snapshot();
        commands = new FakeCommands(s);
        terminal = Fixtures.terminal(100, 30);
        ui = new TerminalUi(Fixtures.screen(terminal), commands, Fixtures.source(s), new UiOptions(Duration.ofSeconds(1), false, false, true),
                TerminalUi.FrameSync.NONE, Runnable::run, List.of());
    }

    private List<String> screen() throws IOException {
        ui.render();
        return Fixtures.lines(terminal);
    }

    /** Where {@code text} first shows at or right of column {@code fromX}: {x, y}. */
    private int[] find(String text, int fromX) throws IOException {
        List<String> lines = screen();
        for (int y = 0; y < lines.size(); y++) {
            int x = lines.get(y).indexOf(text, fromX);
            if (x >= 0) {
                return new int[] {x, y};
            }
        }
        throw new AssertionError(text + " is not on the screen:\n" + String.join("\n", lines));
    }

    private void mouse(MouseActionType type, int button, int[] at) {
        ui.key(new MouseAction(type, button, new TerminalPosition(at[0], at[1])));
    }

    @Test
    void aClickOnARowSelectsItAndFocusesItsTable() throws IOException {
        int[] mem = find("mem-4", 0);
        mouse(MouseActionType.CLICK_DOWN, 1, mem);
        assertEquals(Pane.PROCESSES, ui.state().focus);
        assertEquals(4, ui.state().selected(Pane.PROCESSES));
        assertTrue(String.join("\n", screen()).contains("Detail: mem-4"), String.join("\n", screen()));
        int[] virt = find("virt-5", 0);
        mouse(MouseActionType.CLICK_DOWN, 1, virt);
        assertEquals(Pane.THREADS, ui.state().focus);
        assertEquals(5, ui.state().selected(Pane.THREADS));
        // a release, the right button: nothing more
        mouse(MouseActionType.CLICK_RELEASE, 1, mem);
        mouse(MouseActionType.CLICK_DOWN, 3, mem);
        assertEquals(Pane.THREADS, ui.state().focus);
    }

    @Test
    void aClickOnAColumnHeaderSortsByItAndAgainReverses() throws IOException {
        int[] name = find(" name", 0);
        int[] cpu = find("cpu%", 0);
        assertEquals(name[1], cpu[1], "the header row");
        mouse(MouseActionType.CLICK_DOWN, 1, cpu);
        assertEquals(SortKey.CPU, ui.state().sort);
        assertFalse(ui.state().sortReversed);
        mouse(MouseActionType.CLICK_DOWN, 1, cpu);
        assertTrue(ui.state().sortReversed);
        mouse(MouseActionType.CLICK_DOWN, 1, new int[] {name[0] + 1, name[1]});
        assertEquals(SortKey.NAME, ui.state().sort);
        assertFalse(ui.state().sortReversed);
        assertEquals("sorted by name", ui.state().status);
    }

    @Test
    void theWheelScrollsThePaneUnderThePointer() throws IOException {
        int[] cpu1 = find("cpu-1", 0);
        mouse(MouseActionType.SCROLL_DOWN, 4, cpu1);
        assertEquals(Pane.THREADS, ui.state().focus);
        // three rows down from cpu-1 in a table of three (by id: 1, 2, 5): the last
        assertEquals(5, ui.state().selected(Pane.THREADS));
        mouse(MouseActionType.SCROLL_UP, 4, cpu1);
        assertEquals(1, ui.state().selected(Pane.THREADS));
    }

    @Test
    void noClickActsWhileABoxIsOpenOrTheFilterIsTyped() throws IOException {
        int[] mem = find("mem-4", 0);
        ui.key(new KeyStroke(KeyType.F1));
        screen();
        mouse(MouseActionType.CLICK_DOWN, 1, mem);
        assertEquals(Pane.THREADS, ui.state().focus);
        assertEquals(UiState.Overlay.HELP, ui.state().overlay, "the click neither acts nor closes the help");
        ui.key(new KeyStroke(KeyType.Escape));
        ui.key(new KeyStroke('/', false, false));
        mouse(MouseActionType.CLICK_DOWN, 1, mem);
        assertEquals(Pane.THREADS, ui.state().focus);
        assertTrue(commands.asked.isEmpty());
    }

    @Test
    void theMouseIsOnWhereTheTerminalReportsItUnlessNoMouse() {
        Duration s = Duration.ofSeconds(1);
        Map<String, String> xterm = Map.of("TERM", "xterm-256color", "LANG", "C.UTF-8");
        assertTrue(UiOptions.detect(s, false, false, false, xterm).mouse(), "on by default");
        assertFalse(UiOptions.detect(s, false, false, false, true, xterm).mouse(), "--no-mouse");
        for (String term : List.of("", "dumb", "vt100", "linux")) {
            assertFalse(UiOptions.detect(s, false, false, false, Map.of("TERM", term)).mouse(), term);
        }
        for (String term : List.of("screen", "tmux-256color", "rxvt-unicode", "xterm-kitty")) {
            assertTrue(UiOptions.detect(s, false, false, false, Map.of("TERM", term)).mouse(), term);
        }
    }
}
