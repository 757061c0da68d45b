package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threadlab.model.RoundLine;

/** How the rounds pane and the result box write a round's times ({@link RoundLine#time}). */
class RoundTextTest {
    @Test
    void aRoundUnderASecondKeepsItsHundredths() {
        // a counter round of 4 threads takes about 80 ms: "0.0 s" would say it took nothing
        assertEquals("0.08 s", RoundLine.time(Duration.ofMillis(80)));
        assertEquals("0.10 s", RoundLine.time(Duration.ofMillis(100)));
        assertEquals("0.99 s", RoundLine.time(Duration.ofMillis(994)));
    }

    @Test
    void longerRoundsInTenthsThenMinutes() {
        assertEquals("2.0 s", RoundLine.time(Duration.ofMillis(2040)));
        assertEquals("8.1 s", RoundLine.time(Duration.ofMillis(8100)));
        assertEquals("1:05", RoundLine.time(Duration.ofSeconds(65)));
    }

    @Test
    void aLabelIsMadeForEachRoundsInfoAndNotServedStaleFromTheLastOne() {
        org.threadlab.worker.RoundInfo a = new org.threadlab.worker.RoundInfo(1, org.threadlab.worker.WorkerKind.THREAD, "cpu",
                "units=0.5", 4, 4, false, true, java.time.Instant.EPOCH);
        org.threadlab.worker.RoundInfo b = new org.threadlab.worker.RoundInfo(2, org.threadlab.worker.WorkerKind.PROCESS, "sleep",
                "duration=3s", 2, 2, true, false, java.time.Instant.EPOCH);
        String la = RoundText.label(a);
        assertEquals(la, RoundText.label(a), "the same info, the same label");
        assertEquals("2 processes sleep duration=3s (daemon)", RoundText.label(b));
        assertEquals(la, RoundText.label(a), "back to the first round: its own label again");
        assertEquals(la, RoundText.label(new org.threadlab.worker.RoundInfo(1, org.threadlab.worker.WorkerKind.THREAD, "cpu",
                "units=0.5", 4, 4, false, true, java.time.Instant.EPOCH)), "an equal info made anew");
    }

    @Test
    void wordsAreWhatSplittingOnRunsOfSpacesGave() {
        for (String s : new String[] {"", " ", "   ", "a", " a ", "a b", "a  b   c", "\ta b\n", "wall 8.1 s,  cpu  8.0 s",
                "x\ty z", "  lead", "trail  ", "a\u00a0b c"}) {
            assertEquals(java.util.List.of(s.trim().split(" +")), Canvas.words(s), () -> "'" + s + "'");
        }
    }
}
