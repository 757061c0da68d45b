package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The detail's thread list pads as String.format's "%Ns" and "%-Ns" did, without a Formatter each frame. */
class DetailPadTest {
    @Test
    void padsAsStringFormatDid() {
        for (String s : new String[] {"", "R", "12.5", "100", "threadlab-model", "a much longer name than fits"}) {
            for (int w = 1; w <= 20; w++) {
                assertEquals(String.format(Locale.ROOT, "%" + w + "s", s), DetailView.padLeft(new StringBuilder(), s, w).toString());
                assertEquals(String.format(Locale.ROOT, "%-" + w + "s", s), DetailView.padRight(new StringBuilder(), s, w).toString());
            }
        }
    }

    @Test
    void anEventsClockIsWhatTheFormatterWrote() {
        java.time.Instant start = java.time.Instant.parse("2026-11-26T00:00:00Z");
        for (long s = 0; s < 2 * 86400; s += 37) {
            java.time.Instant at = start.plusSeconds(s).plusMillis(s % 1000);
            org.threadlab.worker.Event e = new org.threadlab.worker.Event(1, at, org.threadlab.worker.Event.Type.INFO, 0, "x");
            assertEquals(java.time.LocalTime.ofInstant(at, java.time.ZoneId.systemDefault()).format(EventsView.CLOCK), EventsView.clock(e));
        }
    }
}
