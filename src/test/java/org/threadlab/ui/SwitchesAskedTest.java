package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The screen asks its source for the context-switch counts of the selected thread worker alone (the
 * detail pane shows them; a thread's switches are in its dearest file), once per change of selection.
 */
class SwitchesAskedTest {
    @Test
    void theSelectedThreadWorkersTidIsAskedForOncePerChange() throws Exception {
        ProcsKeysTest.Source source = new ProcsKeysTest.Source();
        DefaultVirtualTerminal terminal = Fixtures.terminal(120, 40);
        TerminalUi ui = new TerminalUi(Fixtures.screen(terminal), new ReplayCommands(), source,
                new UiOptions(Duration.ofSeconds(1), false, false, true), TerminalUi.FrameSync.NONE, Runnable::run, List.of());
        ui.render();
        ui.render();
        // the threads pane, busiest first: cpu-1 (tid 4251) is selected
        assertEquals(List.of(Set.of(4251L)), source.switchesAsked, "the selected thread worker's TID, asked once for two frames");
        ui.key(new KeyStroke(KeyType.ArrowDown));
        ui.drain();
        ui.render();
        assertEquals(2, source.switchesAsked.size(), "a new selection, a new ask: " + source.switchesAsked);
        ui.key(new KeyStroke(KeyType.Tab)); // the processes pane: a process worker's threads show no switches
        ui.drain();
        ui.render();
        assertEquals(Set.of(), source.switchesAsked.get(source.switchesAsked.size() - 1), "no thread worker selected: nobody's switches " + source.switchesAsked);
    }
}
