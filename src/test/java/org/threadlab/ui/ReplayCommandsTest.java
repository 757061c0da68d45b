package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** On a replay every key that would change workers says so in one status line; nothing throws, nothing is left waiting. */
class ReplayCommandsTest {
    private final BlockingQueue<UiEvent> posted = new LinkedBlockingQueue<>();
    private UiState st;
    private Controller controller;

    @BeforeEach
    void start() {
        st = new UiState(Duration.ofSeconds(1));
        controller = new Controller(new ReplayCommands(), Fixtures.source(Fixtures.snapshot()), st, LiveKeys.TABLE,
                new Tasks(Runnable::run, posted::add), () -> new TerminalSize(100, 30));
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    private Reaction type(String chars) {
        Reaction r = Reaction.NONE;
        for (char c : chars.toCharArray()) {
            r = controller.key(new KeyStroke(c, false, false));
        }
        return r;
    }

    @ParameterizedTest
    @CsvSource({"t,t", "v,v", "p,p", "3t,t", "d,d", "k,k", "K,K", "j,j", "J,J", "g,g", "c,c"})
    void aWorkerKeySaysThisIsAReplay(String typed, String key) {
        assertEquals(Reaction.REDRAW, type(typed), "said, and nothing to rebuild");
        assertEquals("this is a replay: " + key + " does nothing", st.status);
        assertFalse(st.status.contains("\n"));
        assertFalse(st.daemon, "d changed nothing");
        assertTrue(st.joins.isEmpty(), "no wait started");
        assertTrue(posted.isEmpty(), "nothing left running: " + posted);
        assertEquals(0, st.count, "a count is used up as on the live screen");
    }

    @Test
    void keysThatOnlyLookStillWork() {
        type("s");
        assertEquals(SortKey.NAME, st.sort);
        type("?");
        assertEquals(UiState.Overlay.HELP, st.overlay);
        type("x");
        type("w");
        assertEquals(UiState.Overlay.WORKLOAD, st.overlay, "choosing a workload changes no worker");
    }

    @Test
    void quitLeavesAtOnceWithNothingToWaitFor() throws InterruptedException {
        type("q");
        assertEquals(UiState.Overlay.NONE, st.overlay, "no question: no worker runs");
        UiEvent e = posted.poll(10, TimeUnit.SECONDS);
        assertTrue(e instanceof UiEvent.Finished f && f.reaction() == Reaction.EXIT, "the quit reported back: " + e);
    }
}
