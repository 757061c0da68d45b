package org.threadlab.ui;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.threadlab.lesson.LessonView;
import org.threadlab.model.Round;
import org.threadlab.model.Snapshot;
import org.threadlab.worker.RoundInfo;
import org.threadlab.worker.WorkerKind;

/** Fabricated rounds (the GIL lesson's three), lessons on show, and the screen drawn with them. */
final class RoundFixtures {
    private RoundFixtures() {}

    static RoundInfo info(int id, int n, WorkerKind kind, boolean gil) {
        return new RoundInfo(id, kind, "cpu", "units=0.5", n, n, false, gil, Fixtures.NOW.minusSeconds(30 - id));
    }

    /** An ended round: {@code wall} seconds, {@code cpu} seconds of CPU, compared with {@code baseline}. */
    static Round ended(RoundInfo info, double wall, double cpu, double others, int baseline, double speedup, String verdict) {
        Duration w = Duration.ofMillis(Math.round(wall * 1000));
        return new Round(info, info.requestedAt().plus(w), w, Math.round(cpu * 1e9), cpu / wall, others, 4,
                info.started(), 0, 0, 50_000_000L, 20, baseline, speedup, verdict);
    }

    static Round running(RoundInfo info, double wallSoFar, double cpuSoFar) {
        Duration w = Duration.ofMillis(Math.round(wallSoFar * 1000));
        return new Round(info, null, w, Math.round(cpuSoFar * 1e9), cpuSoFar / wallSoFar, 0.1, 4, 0, 0, 0, -1, -1, 1,
                Double.NaN, null);
    }

    /** "1 thread 2.0 s | 4 threads + GIL 8.1 s | 4 processes 2.3 s", the last on a busy machine. */
    static List<Round> three() {
        return List.of(
                ended(info(1, 1, WorkerKind.THREAD, false), 2.0, 2.0, 0.1, 0, Double.NaN,
                        "1 thread kept 1.0 core busy for 2.0 s: the baseline for cpu units=0.5"),
                ended(info(2, 4, WorkerKind.THREAD, true), 8.1, 8.0, 0.1, 1, 0.99,
                        "4 threads with the GIL took 4.0x the wall time of 1: the GIL let one run at a time, so the work was done one after another"),
                ended(info(3, 4, WorkerKind.PROCESS, false), 2.3, 8.8, 1.3, 1, 3.48,
                        "4 processes did 3.5x the work of one per second: each has its own interpreter and core"));
    }

    static Snapshot with(List<Round> rounds) {
        Snapshot s = Fixtures.lab();
        return new Snapshot(s.seq(), s.takenAt(), s.interval(), s.selfPid(), s.host(), s.processes(), s.workers(), s.gil(),
                s.events(), rounds);
    }

    static LessonView lesson(LessonView.Phase phase, String answer) {
        return new LessonView("The GIL - threads with it, without it, and processes", 2, 6, "Threads with the GIL",
                "Now 2*cores threads do the same work each, with the simulated GIL on. Watch the cores: only one is busy"
                        + " at a time, whatever the number of threads.",
                "Four threads with the GIL - faster, the same, or slower than one?", answer, phase,
                phase == LessonView.Phase.RUNNING ? "the round to end" : null, List.of(), List.of(2), null, 0);
    }

    static String screen(int cols, int rows, Snapshot s, UiState st, Theme theme) throws IOException {
        DefaultVirtualTerminal t = Fixtures.terminal(cols, rows);
        TerminalScreen screen = Fixtures.screen(t);
        Renderer.draw(screen.newTextGraphics(), theme, s, st, System.nanoTime());
        screen.refresh(Screen.RefreshType.DELTA);
        return Fixtures.lines(t).stream().map(String::stripTrailing).collect(Collectors.joining("\n"));
    }

    static String screen(int cols, int rows, Snapshot s, UiState st) throws IOException {
        return screen(cols, rows, s, st, new Theme(false, true));
    }
}
