package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The whole screen, every character, at the documented minimum (80x24) and at 120x40, for a
 * realistic snapshot: five-digit PIDs, names that share their start, a 22-thread child JVM, no swap.
 * A layout change shows here as a diff; look at it as a user would before updating the text.
 */
class WholeScreenTest {
    private static String screen(int cols, int rows, UiState st) throws IOException {
        DefaultVirtualTerminal t = Fixtures.terminal(cols, rows);
        TerminalScreen screen = Fixtures.screen(t);
        Renderer.draw(screen.newTextGraphics(), new Theme(false, true), Fixtures.lab(), st, System.nanoTime());
        screen.refresh(Screen.RefreshType.DELTA);
        return Fixtures.lines(t).stream().map(String::stripTrailing).collect(Collectors.joining("\n"));
    }

    /** The expected text with the event times put in (see {@link Fixtures#withEventTimes}). */
    private static String expected(String text) {
        return Fixtures.withEventTimes(text).stripTrailing();
    }

    @Test
    void at80x24() throws IOException {
        UiState st = new UiState(Duration.ofSeconds(1));
        st.status("started 1 process: cpu-3", false);
        assertEquals(expected("""
             vm  up 1 day, 03:04:05  load 1.22  GIL off  workers 5/7  every 1s       ?:help
            cpu0 [||||||||           35%]       ▂▅▃ cpu1 [|||||||||||||||||||92%]       ▂▅▇
            cpu2 [||                 10%]       ▂▅▂ cpu3 [|                   5%]       ▂▅▁
            mem [             458M/23G]  threadlab pid 20710  rss 70M  threads 27  cpu 82.3%
            ─ > Threads in pid 20710 (5) ──────────┬─ Processes (2) ────────────────────────
              id name       pid   tid state d  cpu%│ name        pid   tid state  cpu%   rss
               1 cpu-1    20710 20743 RUN   .  69.8│ cpu-3     20748 20764 RUN    64.9   38M
              12 coun…-12 20710 20801 RUN   .  12.5│ mem-4     20790 20805 FAIL      -     -
              13 coun…-13 20710 20802 DONE  .     -│
             942 sle…-942 20710 21688 WAIT  .   0.0│
             943 sle…-943 20710 21689 WAIT  .   0.0│
                                                   │
                                                   │
                                                   │
            ─ Detail: cpu-1 (thread in pid 20710) ─┴────────────────────────────────────────
             #1 cpu-1  thread  running  age 0:04  cpu  progress 40% (40/100)
             cpu                        ▂▅▆ 69.8%  core 1  allocated 43K
             native tid 20743 'cpu-1' state R  cpu 69.8%  core 1  switches 3 voluntary, 40…
            ─ Events ───────────────────────────────────────────────────────────────────────
             {T1}  started thread cpu-1 (in pid 20710): cpu units=10
             {T2}  started process cpu-3 (pid 20748): cpu units=10
             {T3}  mem-4 failed after 1.00s: out of memory
            started 1 process: cpu-3                                           workload: cpu
            t thread v virtual p process w workload d daemon:off k stop       ? help  q quit
            """), screen(80, 24, st));
    }

    @Test
    void at120x40WithAChildJvmSelected() throws IOException {
        UiState st = new UiState(Duration.ofSeconds(1));
        st.status("started 1 process: cpu-3", false);
        st.focus = Pane.PROCESSES;
        st.selected.put(Pane.PROCESSES, 3);
        assertEquals(expected("""
             threadlab  vm  up 1 day, 03:04:05  load 1.22 1.22 1.31  GIL off  workers 5/7  every 1s                          ?:help
            cpu0 [|||||||||||||                     35%]            ▂▅▃ cpu1 [||||||||||||||||||||||||||||||||||92%]            ▂▅▇
            cpu2 [||||                              10%]            ▂▅▂ cpu3 [||                                 5%]            ▂▅▁
            mem [|                                            458M/23G]  threadlab pid 20710  rss 70M  threads 27  cpu 82.3%
            ─ Threads in pid 20710 (5) ────────────────────────────────┬─ > Processes (2) ──────────────────────────────────────────
              id name         pid   tid state d  cpu% core alloc    age│ id name         pid   tid state d  cpu% core   rss progress
               1 cpu-1      20710 20743 RUN   .  69.8    1   43K   0:04│  3 cpu-3      20748 20764 RUN   .  64.9    1   38M ██░░░░░░
              12 counter-12 20710 20801 RUN   .  12.5    0  2.2K   0:08│  4 mem-4      20790 20805 FAIL  .     -    -     - -
              13 counter-13 20710 20802 DONE  .     -    -  2.2K   0:08│
             942 sleep-942  20710 21688 WAIT  .   0.0    2  120B   0:07│
             943 sleep-943  20710 21689 WAIT  .   0.0    3  120B   0:08│
                                                                       │
                                                                       │
                                                                       │
                                                                       │
                                                                       │
                                                                       │
                                                                       │
                                                                       │
                                                                       │
                                                                       │
                                                                       │
                                                                       │
                                                                       │
            ─ Detail: cpu-3 (process in pid 20748) ────────────────────┴────────────────────────────────────────────────────────────
             #3 cpu-3  process  running  age 0:06  cpu  progress 30% (30/100)
             cpu                                      ▅▆ 64.9%  core 1  rss 38M
             threads in pid 20748: 22, busiest first; 10 more not shown   tid name state cpu% core
             20764 threadlab-work  R  64.0 c0    20762 C2 CompilerThre S   0.8 c2    20752 G1 Conc#0       S   0.1 c0
             20748 java            S   0.0 c0    20749 java            S   0.0 c1    20750 GC Thread#0     S   0.0 c2
             20751 G1 Main Marker  S   0.0 c3    20753 G1 Refine#0     S   0.0 c1    20754 G1 Service      S   0.0 c2
             20755 VM Periodic Tas S   0.0 c3    20756 VM Thread       S   0.0 c0    20757 Reference Handl S   0.0 c1
            ─ Events ───────────────────────────────────────────────────────────────────────────────────────────────────────────────
             {T1}  started thread cpu-1 (in pid 20710): cpu units=10
             {T2}  started process cpu-3 (pid 20748): cpu units=10
             {T3}  mem-4 failed after 1.00s: out of memory
            
            
            started 1 process: cpu-3                                                                                   workload: cpu
            t thread v virtual p process w workload d daemon:off k stop j join g GIL K kill R rounds T timeline       ? help  q quit
            """), screen(120, 40, st));
    }
}
