package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.threadlab.model.Snapshot;

/**
 * The whole 200x60 screen with 1,000 thread workers (the frame bench's model), every character, at the
 * top of the table, with the selection scrolled to the middle, at the end, sorted, filtered: drawing
 * only the rows on screen, and reusing what the model before had, must not draw anything else. Each
 * screen is drawn on a screen that showed another model and state first, so nothing left from it may
 * show. The expected screens were written by the renderer that drew every row (regenerate with
 * {@code -Dframe.screens.write=true}, and read the diff as a user would).
 */
class ThousandRowsScreenTest {
    private static final Path DIR = Path.of("src/test/resources/frame");

    private static String draw(int tick, Consumer<UiState> state) throws IOException {
        DefaultVirtualTerminal t = Fixtures.terminal(200, 60);
        TerminalScreen screen = Fixtures.screen(t);
        Theme theme = new Theme(false, true);
        // another model, another state first: what the screen keeps between frames must not leak
        UiState before = new UiState(Duration.ofSeconds(1));
        before.selected.put(Pane.THREADS, 250);
        before.sort = SortKey.MEMORY;
        Renderer.draw(screen.newTextGraphics(), theme, FrameBench.model(1000, tick + 3), before, 0);
        screen.refresh(Screen.RefreshType.DELTA);
        UiState st = new UiState(Duration.ofSeconds(1));
        state.accept(st);
        Snapshot s = FrameBench.model(1000, tick);
        Renderer.draw(screen.newTextGraphics(), theme, s, st, 0);
        screen.refresh(Screen.RefreshType.DELTA);
        // the events pane shows local clock times: the same screen in every zone
        return Fixtures.lines(t).stream().map(String::stripTrailing)
                .map(l -> l.replaceAll("\\d\\d:\\d\\d:\\d\\d  started", "hh:mm:ss  started"))
                .collect(Collectors.joining("\n"));
    }

    private static void check(String name, String screen) throws IOException {
        Path file = DIR.resolve(name + ".txt");
        if (Boolean.getBoolean("frame.screens.write")) {
            Files.createDirectories(DIR);
            Files.writeString(file, screen + "\n", StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8).stripTrailing(), screen, name);
    }

    @Test
    void theTopOfTheTable() throws IOException {
        String screen = draw(0, st -> st.selected.put(Pane.THREADS, 1));
        assertTrue(screen.contains("> Threads in pid 20710 1-34/1000"), screen);
        check("top", screen);
    }

    @Test
    void theSelectionScrolledToTheMiddle() throws IOException {
        String screen = draw(1, st -> st.selected.put(Pane.THREADS, 500));
        assertTrue(screen.contains("> Threads in pid 20710 467-500/1000"), screen);
        check("middle", screen);
    }

    @Test
    void theEnd() throws IOException {
        String screen = draw(2, st -> st.selected.put(Pane.THREADS, 1000));
        assertTrue(screen.contains("> Threads in pid 20710 967-1000/1000"), screen);
        check("end", screen);
    }

    @Test
    void sortedByCpuWithTheProcessesFocused() throws IOException {
        check("cpu-processes", draw(4, st -> {
            st.sort = SortKey.CPU;
            st.focus = Pane.PROCESSES;
            st.selected.put(Pane.THREADS, 700);
            st.selected.put(Pane.PROCESSES, 1005);
        }));
    }

    @Test
    void filteredByName() throws IOException {
        check("filtered", draw(5, st -> {
            st.filter = "sleep-9";
            st.selected.put(Pane.THREADS, 951);
        }));
    }
}
