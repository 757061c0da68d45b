package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.googlecode.lanterna.TerminalTextUtils;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.model.Snapshot;
import org.threadlab.model.WorkerSample;
import org.threadlab.sample.History;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/** A fitted column's width is counted, not written out: it must be what its text takes, every row. */
class WidestTest {

    @Test
    void countedWidthsAreTheTextsWidths() throws IOException {
        List<Snapshot> models = List.of(Fixtures.lab(), Fixtures.snapshot(), FrameBench.model(1000, 3), odd());
        for (boolean ascii : new boolean[] {false, true}) {
            Canvas c = new Canvas(Fixtures.screen(Fixtures.terminal(200, 60)).newTextGraphics(), new Theme(ascii, !ascii));
            for (Snapshot s : models) {
                for (WorkerSample ws : s.workers()) {
                    for (WorkerTableView.Column col : WorkerTableView.COLUMNS) {
                        if (col.fitRank() == WorkerTableView.NEVER) {
                            continue; // only fitted columns are measured at any width
                        }
                        String text = col.text().of(ws, s, Integer.MAX_VALUE, c);
                        assertEquals(TerminalTextUtils.getColumnWidth(c.clean(text)), WorkerTableView.widest(col, ws, s, c),
                                col.key() + " of " + ws.info().name() + ": '" + text + "'");
                    }
                }
            }
        }
    }

    @Test
    void ageSecondsAreTheAgesSecondsWithoutADuration() {
        Instant now = Instant.parse("2026-01-01T12:00:00.250Z");
        long[] nanos = {0, 249_999_999, 250_000_000, 250_000_001, 999_999_999};
        long[] seconds = {-3, -1, 0, 1, 59, 3600, 86400 * 3};
        for (long n : nanos) {
            for (long sec : seconds) {
                Instant started = now.minusSeconds(sec).minusNanos(n);
                for (Instant ended : new Instant[] {null, started.plusMillis(1500), started.minusMillis(700)}) {
                    WorkerInfo info = new WorkerInfo(1, "x", WorkerKind.THREAD, WorkloadSpec.of("cpu"), false,
                            ended == null ? WorkerState.RUNNING : WorkerState.FINISHED, null, started, ended, 0, 0, 1, 1, -1, -1,
                            null, null, List.of(), false, null, List.of(), 0);
                    assertEquals(info.age(now).getSeconds(), WorkerTableView.ageSeconds(info, now), started + " to " + ended);
                }
            }
        }
    }

    /** Names with wide, accented and control characters, a member, no pid or tid, ages from seconds to days. */
    private static Snapshot odd() {
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        String[] names = {"名前-7", "café-8", "tab\there-9", "pool-3.12", "x"};
        long[] ages = {0, 59, 3599, 3600, 86399, 86400, 10 * 86400 + 5};
        List<WorkerSample> workers = new ArrayList<>();
        for (int i = 0; i < names.length * ages.length; i++) {
            String name = names[i % names.length];
            long age = ages[i % ages.length];
            WorkerInfo info = new WorkerInfo(i + 1, name, i % 3 == 0 ? WorkerKind.PROCESS : WorkerKind.THREAD, WorkloadSpec.of("cpu"),
                    false, WorkerState.RUNNING, null, i % 11 == 0 ? null : now.minusSeconds(age), null, 0, 0, i % 4 == 0 ? -1 : 7 + i * 997L,
                    i % 5 == 0 ? -1 : 123456789L + i, -1, -1, null, null, List.of(), false, null, List.of(), name.startsWith("pool") ? 1 : 0);
            workers.add(new WorkerSample(info, 1.5, 0, 1024, "R", History.EMPTY));
        }
        Snapshot base = Fixtures.lab();
        return new Snapshot(1, now, Duration.ofSeconds(1), base.selfPid(), base.host(), base.processes(), workers, base.gil(), List.of());
    }
}
