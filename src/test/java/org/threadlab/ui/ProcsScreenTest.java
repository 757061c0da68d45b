package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The all-processes view drawn on Lanterna's virtual terminal. */
class ProcsScreenTest {
    static String screen(int cols, int rows, UiState st, boolean ascii) throws IOException {
        return RoundFixtures.screen(cols, rows, Fixtures.snapshot().withTable(ProcsFixtures.table()), st, new Theme(ascii, true));
    }

    static UiState open() {
        UiState st = new UiState(Duration.ofSeconds(1));
        st.procs.open = true;
        return st;
    }

    @Test
    void print() throws IOException {
        UiState st = open();
        System.out.println(screen(80, 24, st, false));
        st.procs.tree = true;
        System.out.println(screen(80, 24, st, false));
        System.out.println(screen(200, 30, st, true));
    }
}
