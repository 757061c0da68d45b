package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threadlab.model.Snapshot;
import org.threadlab.work.SimulatedGil;

/** The header line at every width an 80-column or wider screen gives it: items left out whole, never cut. */
class HeaderTest {
    @Test
    void frozenWithTheGilOnAndUpADayTheWorkerCountStaysWholeAt80Columns() {
        Snapshot lab = Fixtures.lab();
        Snapshot s = new Snapshot(lab.seq(), lab.takenAt(), lab.interval(), lab.selfPid(), lab.host(), lab.processes(),
                lab.workers(), new SimulatedGil.State(true, null, 3, Duration.ofMillis(5), 40, 0.96, 3.0), lab.events());
        for (boolean frozen : new boolean[] {false, true}) {
            UiState st = new UiState(Duration.ofSeconds(1));
            st.frozen = frozen ? s : null;
            // what HeaderView.draw gives the text on a screen 80 to 200 columns wide
            for (int cols = 80; cols <= 200; cols++) {
                int width = cols - "?:help ".length() - 1;
                String line = HeaderView.text(s, st, width);
                String at = (frozen ? "frozen " : "") + cols + " columns: '" + line + "'";
                assertTrue(line.length() <= width, at + " is longer than " + width);
                assertTrue(line.contains("workers 5/7"), at);
                assertTrue(line.contains("GIL ON held 96% 3.0 waiting"), at);
                assertTrue(!frozen || line.contains("** FROZEN **"), at);
            }
        }
    }
}
