package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The whole screen with the timeline pane open, every character, at 80x24 and 120x40: the lab's
 * workers ({@link Fixtures#lab}) over 300 slices of 20 ms ({@link TimelineFixtures#lab}). A layout
 * change shows here as a diff; look at it as a user would before updating the text.
 */
class TimelineWholeScreenTest {
    private static String screen(int cols, int rows) throws IOException {
        UiState st = new UiState(Duration.ofSeconds(1));
        st.timelinePane = true;
        st.timeline = TimelineFixtures.lab(300);
        return RoundFixtures.screen(cols, rows, Fixtures.lab(), st, new Theme(false, true));
    }

    /** The expected text with the event times put in (see {@link Fixtures#withEventTimes}). */
    private static String expected(String text) {
        return Fixtures.withEventTimes(text).stripTrailing();
    }

    @Test
    void at80x24() throws IOException {
        // 4 of the 6 lanes fit (Up/Down scroll; mem-4, ended all along, goes last), then the 3 cores they held;
        // the legend's one row says what is on show
        assertEquals(expected("""
             vm  up 1 day, 03:04:05  load 1.22  GIL off  workers 5/7  every 1s       ?:help
            cpu0 [||||||||           35%]       ▂▅▃ cpu1 [|||||||||||||||||||92%]       ▂▅▇
            cpu2 [||                 10%]       ▂▅▂ cpu3 [|                   5%]       ▂▅▁
            mem [             458M/23G]  threadlab pid 20710  rss 70M  threads 27  cpu 82.3%
            ─ > Timeline  20ms a column, last 1.22s  lanes 1-4 of 6  3 of 4 cores ──────────
             20 ms slices · CPU to ±4 ms (kernel tick) · state read each slice · GIL exact
             A #1 cpu-1       ░111111111░111111111░111111111░111111111░111111111░111111111░
             B #12 counter-12 3LL3333LL3333LL3333LL3333LL3333LL3333LL3333LL3333LL3333LL3333
             C #942 sleep-942 ··············2························2·····················
             D #943 sleep-943 ·3························3························3·········
                         cpu1  AAAAAAAAA AAAAAAAAA AAAAAAAAA AAAAAAAAA AAAAAAAAA AAAAAAAAA
                         cpu2 E             C                EEEEEEEECEEEEEEEEEEEEEEEEEEEEE
                         cpu3 BD BBBB  BBBB  BBBB  BBBB DBBBB  BBBB  BBBB  BBBB  DBBB  BBBB
             0-3 running on that core  ░ waiting for a core  · sleeping or waiting on I/O
            ─ Detail: cpu-1 (thread in pid 20710) ──────────────────────────────────────────
             #1 cpu-1  thread  running  age 0:04  cpu  progress 40% (40/100)
             cpu                        ▂▅▆ 69.8%  core 1  allocated 43K
             native tid 20743 'cpu-1' state R  cpu 69.8%  core 1  switches 3 voluntary, 40…
            ─ Events ───────────────────────────────────────────────────────────────────────
             {T1}  started thread cpu-1 (in pid 20710): cpu units=10
             {T2}  started process cpu-3 (pid 20748): cpu units=10
             {T3}  mem-4 failed after 1.00s: out of memory
                                                                               workload: cpu
            T close [] zoom Up/Down lanes t thread v virtual p process        ? help  q quit
            """), screen(80, 24));
    }

    @Test
    void at120x40() throws IOException {
        assertEquals(expected("""
             threadlab  vm  up 1 day, 03:04:05  load 1.22 1.22 1.31  GIL off  workers 5/7  every 1s                          ?:help
            cpu0 [|||||||||||||                     35%]            ▂▅▃ cpu1 [||||||||||||||||||||||||||||||||||92%]            ▂▅▇
            cpu2 [||||                              10%]            ▂▅▂ cpu3 [||                                 5%]            ▂▅▁
            mem [|                                            458M/23G]  threadlab pid 20710  rss 70M  threads 27  cpu 82.3%
            ─ > Timeline  20ms a column, last 2.02s  [ ] zoom  T or Esc close ──────────────────────────────────────────────────────
             20 ms slices · CPU to ±4 ms (kernel tick) · state read each slice · GIL exact
             A #1 cpu-1       ░111111111░111111111░111111111░111111111░111111111░111111111░111111111░111111111░111111111░111111111░
             B #12 counter-12 L3333LL3333LL3333LL3333LL3333LL3333LL3333LL3333LL3333LL3333LL3333LL3333LL3333LL3333LL3333LL3333LL3333
             C #942 sleep-942 ····2························2························2························2·····················
             D #943 sleep-943 ················3························3························3························3·········
             E #3 cpu-3       00000000000222222222222222222222222222222000000000000000000000000000000222222222222222222222222222222
             F #4 mem-4       ×××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××××
                         cpu0 EEEEEEEEEEE                              EEEEEEEEEEEEEEEEEEEEEEEEEEEEEE
                         cpu1  AAAAAAAAA AAAAAAAAA AAAAAAAAA AAAAAAAAA AAAAAAAAA AAAAAAAAA AAAAAAAAA AAAAAAAAA AAAAAAAAA AAAAAAAAA
                         cpu2     C      EEEEEEEEEEEEEEEEEECEEEEEEEEEEE             C                EEEEEEEECEEEEEEEEEEEEEEEEEEEEE
                         cpu3  BBBB  BBBB  BBBD  BBBB  BBBB  BBBB  BBBBD BBBB  BBBB  BBBB  BBBB DBBBB  BBBB  BBBB  BBBB  DBBB  BBBB
                          ago                      -1.5s                      -1s                   -500ms                      now
            
             0-3 running on that core  ░ waiting for a core  · sleeping or waiting on I/O  L blocked on a lock  × ended
             blank: no reading  ▓ holding the GIL  = waiting for the GIL
            
            
            
            
            ─ Detail: cpu-1 (thread in pid 20710) ──────────────────────────────────────────────────────────────────────────────────
             #1 cpu-1  thread  running  age 0:04  cpu  progress 40% (40/100)
             cpu                                     ▂▅▆ 69.8%  core 1  allocated 43K
             native tid 20743 'cpu-1' state R  cpu 69.8%  core 1  switches 3 voluntary, 40 forced  java RUNNABLE
            
            
            
            
            ─ Events ───────────────────────────────────────────────────────────────────────────────────────────────────────────────
             {T1}  started thread cpu-1 (in pid 20710): cpu units=10
             {T2}  started process cpu-3 (pid 20748): cpu units=10
             {T3}  mem-4 failed after 1.00s: out of memory
            
            
                                                                                                                       workload: cpu
            T close [] zoom Up/Down lanes t thread v virtual p process w workload d daemon:off k stop j join g GIL    ? help  q quit
            """), screen(120, 40));
    }

    @Test
    void manySleepersAt80x24() throws IOException {
        // twelve sleepers: five lanes, the cores, and the legend's one row that explains what is on show
        // (the rows of states not on show, a lock or the GIL, would hide a lane)
        UiState st = new UiState(Duration.ofSeconds(1));
        st.timelinePane = true;
        st.timeline = TimelineFixtures.many(12, 40);
        assertEquals(expected("""
             vm  up 1 day, 03:04:05  load 1.22  GIL off  workers 5/7  every 1s       ?:help
            cpu0 [||||||||           35%]       ▂▅▃ cpu1 [|||||||||||||||||||92%]       ▂▅▇
            cpu2 [||                 10%]       ▂▅▂ cpu3 [|                   5%]       ▂▅▁
            mem [             458M/23G]  threadlab pid 20710  rss 70M  threads 27  cpu 82.3%
            ─ > Timeline  50ms a column, last 2s  lanes 1-5 of 12  [ ] zoom ────────────────
             20 ms slices · CPU to ±4 ms (kernel tick) · state read each slice · GIL exact
             A #1 sleep-1                          0···········0···········0···········0···
             B #2 sleep-2                          ·0···········0···········0···········0··
             C #3 sleep-3                          ··0···········0···········0···········0·
             D #4 sleep-4                          ···0···········0···········0···········0
             E #5 sleep-5                          ····0···········0···········0···········
                       cpu0                        ABCDEFGHIJKLABCDEFGHIJKLABCDEFGHIJKLABCD
                       cpu1
             0-1 running on that core  · sleeping or waiting on I/O  blank: no reading
            ─ Detail: cpu-1 (thread in pid 20710) ──────────────────────────────────────────
             #1 cpu-1  thread  running  age 0:04  cpu  progress 40% (40/100)
             cpu                        ▂▅▆ 69.8%  core 1  allocated 43K
             native tid 20743 'cpu-1' state R  cpu 69.8%  core 1  switches 3 voluntary, 40…
            ─ Events ───────────────────────────────────────────────────────────────────────
             {T1}  started thread cpu-1 (in pid 20710): cpu units=10
             {T2}  started process cpu-3 (pid 20748): cpu units=10
             {T3}  mem-4 failed after 1.00s: out of memory
                                                                               workload: cpu
            T close [] zoom Up/Down lanes t thread v virtual p process        ? help  q quit
            """), RoundFixtures.screen(80, 24, Fixtures.lab(), st, new Theme(false, true)));
    }
}
