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
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threadlab.model.Snapshot;

/**
 * The mouse in the all-processes view, as htop's: a click on a row selects its process (a PID), a click
 * on a column header sorts by it (again: reversed), the wheel moves the selection; positions are found
 * on the drawn screen as a user would.
 */
class ProcsMouseTest {
    private DefaultVirtualTerminal terminal;
    private TerminalUi ui;

    @BeforeEach
    void start() throws IOException {
        Snapshot s = Fixtures.snapshot().withTable(ProcsFixtures.table());
        terminal = Fixtures.terminal(100, 30);
        ui = new TerminalUi(Fixtures.screen(terminal), new FakeCommands(s), Fixtures.source(s),
                new UiOptions(Duration.ofSeconds(1), false, false, true), TerminalUi.FrameSync.NONE, Runnable::run, List.of());
        ui.key(new KeyStroke('a', false, false));
        assertTrue(ui.state().procs.open);
    }

    private String screen() throws IOException {
        ui.render();
        return String.join("\n", Fixtures.lines(terminal));
    }

    /** Where {@code text} first shows: {x, y}. */
    private int[] find(String text) throws IOException {
        ui.render();
        List<String> lines = Fixtures.lines(terminal);
        for (int y = 0; y < lines.size(); y++) {
            int x = lines.get(y).indexOf(text);
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
    void aClickOnARowSelectsItsProcessWhichTheSelectionThenFollows() throws IOException {
        assertEquals(-1, ui.state().procs.selectedPid, "nothing chosen yet: the first row");
        mouse(MouseActionType.CLICK_DOWN, 1, find("sleep 600"));
        assertEquals(5000, ui.state().procs.selectedPid);
        mouse(MouseActionType.CLICK_DOWN, 1, find("kworker/0:1"));
        assertEquals(37, ui.state().procs.selectedPid);
        // the selection is a PID: sorted otherwise, the row moves and the selection with it
        ui.key(new KeyStroke('s', false, false));
        screen();
        assertEquals(37, ui.state().procs.selectedPid);
        // a release, the right button, the title line: nothing more
        mouse(MouseActionType.CLICK_RELEASE, 1, find("sleep 600"));
        mouse(MouseActionType.CLICK_DOWN, 3, find("sleep 600"));
        mouse(MouseActionType.CLICK_DOWN, 1, find("All processes"));
        assertEquals(37, ui.state().procs.selectedPid);
    }

    @Test
    void aClickOnAColumnHeaderSortsByItAndAgainReverses() throws IOException {
        int[] rss = find("   RSS ");
        int[] at = {rss[0] + 4, rss[1]};
        mouse(MouseActionType.CLICK_DOWN, 1, at);
        assertEquals(ProcColumn.RSS, ui.state().procs.sort);
        assertFalse(ui.state().procs.reversed);
        assertTrue(screen().contains("by RSS  "), screen());
        mouse(MouseActionType.CLICK_DOWN, 1, at);
        assertTrue(ui.state().procs.reversed);
        assertEquals("processes sorted by RSS, reversed", ui.state().status);
        int[] command = find("COMMAND");
        mouse(MouseActionType.CLICK_DOWN, 1, new int[] {command[0] + 20, command[1]});
        assertEquals(ProcColumn.COMMAND, ui.state().procs.sort, "the command's header reaches the edge");
        assertFalse(ui.state().procs.reversed);
        // the mark column left of PID is no header
        mouse(MouseActionType.CLICK_DOWN, 1, new int[] {0, command[1]});
        assertEquals(ProcColumn.COMMAND, ui.state().procs.sort);
        // the workers' tables are not drawn under the view: their sort stays
        assertEquals(SortKey.ID, ui.state().sort);
    }

    @Test
    void theWheelMovesTheSelection() throws IOException {
        int[] row = find("python3 -c");
        // by CPU%: 4311 python3, 4301 child, 4242 threadlab, 37 kworker...
        mouse(MouseActionType.SCROLL_DOWN, 4, row);
        assertEquals(37, ui.state().procs.selectedPid);
        mouse(MouseActionType.SCROLL_UP, 4, row);
        assertEquals(4311, ui.state().procs.selectedPid);
    }

    @Test
    void noClickActsWhileTheFilterIsTypedOrABoxIsOpen() throws IOException {
        int[] sleep = find("sleep 600");
        assertEquals(4311, ui.state().procs.selectedPid, "the first row, as drawn");
        ui.key(new KeyStroke('/', false, false));
        mouse(MouseActionType.CLICK_DOWN, 1, sleep);
        assertEquals(4311, ui.state().procs.selectedPid, "the filter being typed keeps the pointer out");
        ui.key(new KeyStroke(KeyType.Escape));
        ui.key(new KeyStroke(KeyType.F1));
        mouse(MouseActionType.CLICK_DOWN, 1, sleep);
        assertEquals(4311, ui.state().procs.selectedPid);
        assertEquals(UiState.Overlay.HELP, ui.state().overlay);
    }

    @Test
    void theClickMapNamesTheRowsAsDrawnFromTheFirstOnShow() {
        ClickMap.Procs p = new ClickMap.Procs(5, List.of(new ClickMap.Span(ProcColumn.PID, 1, 5), new ClickMap.Span(ProcColumn.USER, 7, 8)),
                List.of(40L, 41L), 10);
        assertEquals(ProcColumn.PID, p.columnAt(1).orElseThrow());
        assertEquals(ProcColumn.PID, p.columnAt(5).orElseThrow());
        assertTrue(p.columnAt(6).isEmpty(), "the gap between columns");
        assertTrue(p.columnAt(0).isEmpty(), "the mark column");
        assertEquals(ProcColumn.USER, p.columnAt(14).orElseThrow());
        assertEquals(OptionalInt.of(0), p.rowAt(6));
        assertEquals(OptionalInt.of(1), p.rowAt(7));
        assertTrue(p.rowAt(8).isEmpty(), "below the last row");
        assertTrue(p.rowAt(5).isEmpty(), "the header");
    }
}
