package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.History;
import org.threadlab.model.Snapshot;
import org.threadlab.model.WorkerSample;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/** The processes a worker starts (pool members, a queue's consumer) are rows of the process table, under their owner. */
class MemberRowsTest {

    private static WorkerSample row(int id, String name, int owner, double cpu) {
        WorkerInfo i = new WorkerInfo(id, name, WorkerKind.PROCESS, WorkloadSpec.of(owner > 0 ? "pool-member" : "pool"), false,
                WorkerState.RUNNING, null, Fixtures.NOW.minusSeconds(3), null, 0, 0, 5000 + id, 5100 + id, -1, -1, null, null,
                List.of(), false, null, List.of(), owner);
        return new WorkerSample(i, cpu, 0, 40 << 20, "R", History.EMPTY);
    }

    /** Two pools (ids 1 and 4), each with its members, and a plain sleep process (7). */
    private static Snapshot snapshot() {
        Snapshot base = Fixtures.snapshot();
        List<WorkerSample> workers = new ArrayList<>();
        workers.add(row(1, "pool-1", 0, 1));
        workers.add(row(2, "pool-1.1", 1, 90));
        workers.add(row(3, "pool-1.2", 1, 10));
        workers.add(row(4, "pool-4", 0, 2));
        workers.add(row(5, "pool-4.1", 4, 50));
        workers.add(row(7, "sleep-7", 0, 0));
        return new Snapshot(base.seq(), base.takenAt(), base.interval(), base.selfPid(), base.host(), base.processes(), workers,
                base.gil(), base.events());
    }

    private static List<String> names(List<WorkerSample> rows) {
        return rows.stream().map(w -> w.info().name()).toList();
    }

    @Test
    void membersFollowTheirOwnerWhateverTheSort() {
        UiState st = new UiState(Duration.ofSeconds(1));
        st.focus = Pane.PROCESSES;
        st.sort = SortKey.CPU;
        // by CPU the members would scatter (90, 50, 10...): they stay under their owner, the owners are sorted
        List<String> rows = names(Rows.of(snapshot(), st, Pane.PROCESSES));
        assertEquals(List.of("pool-4", "pool-4.1", "pool-1", "pool-1.1", "pool-1.2", "sleep-7"), rows);
    }

    @Test
    void aMemberWhoseOwnerIsNotListedIsStillARow() {
        UiState st = new UiState(Duration.ofSeconds(1));
        st.filter = "pool-1.2";
        assertEquals(List.of("pool-1.2"), names(Rows.of(snapshot(), st, Pane.PROCESSES)));
    }

    @Test
    void theProcessTableDrawsMembersAsATree() throws Exception {
        UiState st = new UiState(Duration.ofSeconds(1));
        st.focus = Pane.PROCESSES;
        DefaultVirtualTerminal t = Fixtures.terminal(200, 40);
        TerminalScreen screen = Fixtures.screen(t);
        Renderer.draw(screen.newTextGraphics(), new Theme(false, true), snapshot(), st, System.nanoTime());
        screen.refresh(Screen.RefreshType.DELTA);
        List<String> lines = Fixtures.lines(t);
        int owner = -1;
        int member = -1;
        // found by PID (a long name may be shortened): the owner's row, then its first member's, marked as a branch
        for (int i = 0; i < lines.size(); i++) {
            owner = owner < 0 && lines.get(i).contains(" 5001 ") ? i : owner;
            member = member < 0 && lines.get(i).contains(" 5002 ") ? i : member;
        }
        assertTrue(owner >= 0 && member == owner + 1, String.join("\n", lines));
        assertTrue(lines.get(member).contains("└pool-"), "a branch mark before the member's name: " + lines.get(member));
    }
}
