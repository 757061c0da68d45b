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
}
