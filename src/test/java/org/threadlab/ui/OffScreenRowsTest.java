package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threadlab.model.Snapshot;

/**
 * A key's frame (the model on show unchanged, only the UI state) costs what is on screen, not what is
 * off it: with 10,000 workers it allocates about what it allocates with 2,000 (issue 13: every key
 * within 100 ms at 10,000 workers, where every young collection stops 10,000 threads). And it shows
 * exactly what a frame drawn from scratch for the same model and state shows.
 */
class OffScreenRowsTest {
    private static final Theme THEME = new Theme(false, true);

    /** Bytes the calling thread allocated drawing {@code frames} key frames after the model's own frame. */
    private static long keyFrameBytes(Snapshot s, int frames) throws IOException {
        TerminalScreen screen = Fixtures.screen(Fixtures.terminal(200, 60));
        UiState st = new UiState(Duration.ofSeconds(1));
        st.selected.put(Pane.THREADS, 1500);
        // the model's frame: sorts and measures the rows once
        Renderer.draw(screen.newTextGraphics(), THEME, s, st, 0);
        screen.refresh(Screen.RefreshType.DELTA);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < frames; i++) {
            st.daemon = !st.daemon; // what d does: the UI state only, the same model
            Renderer.draw(screen.newTextGraphics(), THEME, s, st, 0);
            screen.refresh(Screen.RefreshType.DELTA);
        }
        return mx.getThreadAllocatedBytes(id) - before;
    }

    @Test
    void aKeysFrameAllocatesNoMoreWithFiveTimesTheWorkersOffScreen() throws IOException {
        Snapshot small = FrameBench.model(2_000, 1);
        Snapshot big = FrameBench.model(10_000, 1);
        // warm up both ways (class loading, glyph pages), then measure
        keyFrameBytes(small, 50);
        keyFrameBytes(big, 50);
        long smallBytes = keyFrameBytes(small, 20);
        long bigBytes = keyFrameBytes(big, 20);
        // before: every frame measured every row's fitted columns (3.3 MB more over these 20 frames at
        // 10,000 than at 2,000); now less than a byte per off-screen row and frame
        assertTrue(bigBytes - smallBytes < 20 * 8_000L,
                "20 key frames allocated " + bigBytes + " bytes with 10,000 workers, " + smallBytes + " with 2,000");
    }

    @Test
    void rowsWithNoPoolMembersAreNotIndexedByOwner() {
        java.util.List<org.threadlab.model.WorkerSample> rows = FrameBench.model(10_000, 1).workers();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long before = mx.getThreadAllocatedBytes(id);
            assertTrue(Rows.underOwners(rows) == rows);
            least = Math.min(least, mx.getThreadAllocatedBytes(id) - before);
        }
        // before: a set of every id, 600 KB a model at 10,000 workers
        assertTrue(least < 4096, "allocated " + least + " bytes");
    }

    @Test
    void aKeysFrameShowsWhatAFrameFromScratchShows() throws IOException {
        Snapshot s = FrameBench.model(3_000, 2);
        // the widest age and name are in rows far off screen: the columns must still be as wide
        DefaultVirtualTerminal again = Fixtures.terminal(200, 60);
        TerminalScreen screen = Fixtures.screen(again);
        UiState st = new UiState(Duration.ofSeconds(1));
        st.selected.put(Pane.THREADS, 40);
        Renderer.draw(screen.newTextGraphics(), THEME, s, st, 0);
        screen.refresh(Screen.RefreshType.DELTA);
        st.daemon = true;
        st.selected.put(Pane.THREADS, 41);
        Renderer.draw(screen.newTextGraphics(), THEME, s, st, 0);
        screen.refresh(Screen.RefreshType.DELTA);

        DefaultVirtualTerminal fresh = Fixtures.terminal(200, 60);
        TerminalScreen freshScreen = Fixtures.screen(fresh);
        UiState st2 = new UiState(Duration.ofSeconds(1));
        st2.daemon = true;
        st2.selected.put(Pane.THREADS, 41);
        Renderer.draw(freshScreen.newTextGraphics(), THEME, s, st2, 0);
        freshScreen.refresh(Screen.RefreshType.DELTA);
        assertEquals(Fixtures.lines(fresh), Fixtures.lines(again));
    }
}
