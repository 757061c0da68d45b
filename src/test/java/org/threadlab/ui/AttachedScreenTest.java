package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.threadlab.model.Attached;
import org.threadlab.model.Snapshot;
import org.threadlab.sample.ProcessSample;
import org.threadlab.sample.ThreadSample;
import org.threadlab.worker.Event;

/**
 * Issue 14: an attached process on the screen, as a process worker is shown (PID, name, the kernel's
 * state, CPU%, RSS; no worker id, kind "att"), its threads in the threads table with TIDs, states,
 * CPU% and cores; once it exited, its rows dimmed with their last figures.
 */
class AttachedScreenTest {
    static final long PID = 31337;

    /** The lab screen with a python3 program of two named threads attached (exited: as it was kept). */
    static Snapshot withAttached(boolean exited) {
        Snapshot lab = Fixtures.lab();
        List<ThreadSample> threads = List.of(
                new ThreadSample(PID, "python3", "S", 0.0, 2, 20, 0, 5, 1, null),
                new ThreadSample(PID + 1, "spinner", "R", 97.5, 3, 20, 0, 2, 80, null),
                new ThreadSample(PID + 2, "sleeper", "S", 0.0, 0, 20, 0, 9, 0, null));
        ProcessSample p = new ProcessSample(PID, 1, "python3", "S", 97.6, Duration.ofSeconds(12), Duration.ofMillis(40),
                9 * 1024 * 1024, -1, 3, Fixtures.NOW.minusSeconds(75), Attached.ROLE, threads, exited ? Attached.EXITED : null);
        List<ProcessSample> processes = new ArrayList<>(lab.processes());
        processes.add(p);
        List<Event> events = new ArrayList<>(lab.events());
        events.add(new Event(0, Fixtures.NOW.minusSeconds(1), Event.Type.INFO, 0,
                exited ? "pid 31337 (python3) exited" : "watching pid 31337 (python3): 3 threads, attached (not a worker)"));
        return new Snapshot(lab.seq(), lab.takenAt(), lab.interval(), lab.selfPid(), lab.host(), processes, lab.workers(),
                lab.gil(), events);
    }

    private static DefaultVirtualTerminal draw(Snapshot s, UiState st) throws IOException {
        DefaultVirtualTerminal t = Fixtures.terminal(120, 32);
        TerminalScreen screen = Fixtures.screen(t);
        Renderer.draw(screen.newTextGraphics(), new Theme(false, true), s, st, System.nanoTime());
        screen.refresh(Screen.RefreshType.DELTA);
        return t;
    }

    private static String text(DefaultVirtualTerminal t) {
        return Fixtures.lines(t).stream().map(String::stripTrailing).collect(Collectors.joining("\n"));
    }

    /** The rows of both tables, the title and the event, at 120 columns: a change shows as a diff. */
    @Test
    void anAttachedProcessAndItsThreadsShowAsWorkersDo() throws IOException {
        UiState st = new UiState(Duration.ofSeconds(1));
        Snapshot s = withAttached(false);
        st.focus = Pane.PROCESSES;
        st.selected.put(Pane.PROCESSES, Attached.processRows(s).get(0).info().id());
        List<String> lines = Fixtures.lines(draw(s, st)).stream().map(String::stripTrailing).toList();
        assertEquals("""
                ─ Threads in pid 20710, 31337 (8) ─────────────────────────┬─ > Processes (3) ──────────────────────────────────────────
                  id name         pid   tid state d  cpu% core alloc    age│ id name         pid   tid state d  cpu% core   rss progress
                   1 cpu-1      20710 20743 RUN   .  69.8    1   43K   0:04│  3 cpu-3      20748 20764 RUN   .  64.9    1   38M ██░░░░░░
                  12 counter-12 20710 20801 RUN   .  12.5    0  2.2K   0:08│  4 mem-4      20790 20805 FAIL  .     -    -     - -
                  13 counter-13 20710 20802 DONE  .     -    -  2.2K   0:08│  - python3    31337 31337 S     -  97.6    3  9.0M -
                 942 sleep-942  20710 21688 WAIT  .   0.0    2  120B   0:07│
                 943 sleep-943  20710 21689 WAIT  .   0.0    3  120B   0:08│
                   - python3    31337 31337 S     -   0.0    2     -   1:15│
                   - spinner    31337 31338 R     -  97.5    3     -   1:15│
                   - sleeper    31337 31339 S     -   0.0    0     -   1:15│""", String.join("\n", lines.subList(4, 14)));
        String detail = String.join("\n", lines.subList(19, 24));
        assertTrue(detail.startsWith("─ Detail: python3 (process in pid 31337)"), detail);
        assertTrue(detail.contains("pid 31337 python3  attached process, not a worker  running  age 1:15"), detail);
        assertTrue(detail.contains("threads in pid 31337: 3, busiest first"), detail);
        assertTrue(lines.get(29).endsWith("watching pid 31337 (python3): 3 threads, attached (not a worker)"), lines.get(29));
    }

    /** Exited: every row of it says EXIT, keeps its RSS, and is drawn dimmed, as an ended worker is. */
    @Test
    void anExitedOneIsDimmedWithItsLastFigures() throws IOException {
        UiState st = new UiState(Duration.ofSeconds(1));
        DefaultVirtualTerminal t = draw(withAttached(true), st);
        List<String> lines = Fixtures.lines(t).stream().map(String::stripTrailing).toList();
        assertEquals("  13 counter-13 20710 20802 DONE  .     -    -  2.2K   0:08│  - python3    31337 31337 EXIT  -     -    -  9.0M -",
                lines.get(8));
        assertEquals("   - spinner    31337 31338 EXIT  -     -    -     -      -│", lines.get(12));
        assertTrue(lines.get(29).endsWith("pid 31337 (python3) exited"), lines.get(29));
        // the same style as the ended worker's row beside it (counter-13), not a live row's (cpu-1)
        TextCharacter ended = t.getCharacter(6, 8);
        TextCharacter live = t.getCharacter(6, 6);
        TextCharacter exited = t.getCharacter(66, 8);
        TextCharacter exitedThread = t.getCharacter(6, 12);
        assertEquals(style(ended), style(exited), "the exited process is dimmed");
        assertEquals(style(ended), style(exitedThread), "and its threads");
        assertTrue(!style(live).equals(style(exited)), "unlike a live row");
    }

    private static String style(TextCharacter c) {
        return c.getForegroundColor() + "/" + c.getBackgroundColor() + "/" + c.getModifiers();
    }
}
