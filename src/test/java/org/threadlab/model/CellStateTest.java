package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.threadlab.sample.History;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/** A worker over one refresh interval as a replay's or the report's timeline classifies it. */
class CellStateTest {

    private static WorkerSample sample(WorkerState state, String kernel, double cpu, double held, double waited) {
        WorkerInfo info = TimelineBookTest.worker(1, WorkerKind.THREAD, "cpu", state, 100, 101, 7);
        return new WorkerSample(info, cpu, 0, -1, kernel, History.EMPTY, state, held, waited);
    }

    @Test
    void theGilsSharesComeFirstThenWhatWasMeasured() {
        assertEquals(CellState.GIL_WAITING, CellState.of(sample(WorkerState.RUNNING, "R", 30, 0.2, 0.7)));
        assertEquals(CellState.GIL_HELD, CellState.of(sample(WorkerState.RUNNING, "R", 90, 0.9, 0.1)));
        assertEquals(CellState.RUNNING, CellState.of(sample(WorkerState.RUNNING, "R", 90, Double.NaN, Double.NaN)));
        assertEquals(CellState.RUNNABLE, CellState.of(sample(WorkerState.RUNNING, "R", 2, Double.NaN, Double.NaN)));
        assertEquals(CellState.SLEEPING, CellState.of(sample(WorkerState.WAITING, "S", 0, Double.NaN, Double.NaN)));
        assertEquals(CellState.ENDED, CellState.of(sample(WorkerState.FINISHED, null, 0, Double.NaN, Double.NaN)));
        assertEquals(CellState.NONE, CellState.of(sample(WorkerState.NEW, null, 0, Double.NaN, Double.NaN)));
    }

    /** A first sample has no GIL figures yet: blocked is the GIL's wait when the GIL is on (a replay showed LLL). */
    @Test
    void aBlockedWorkerNotYetMeasuredWaitsForTheGilWhenItIsOn() {
        WorkerSample first = sample(WorkerState.BLOCKED, "S", 0, Double.NaN, Double.NaN);
        assertEquals(CellState.GIL_WAITING, CellState.of(first, true));
        assertEquals(CellState.LOCKED, CellState.of(first, false));
        assertEquals(CellState.LOCKED, CellState.of(sample(WorkerState.BLOCKED, "S", 0, 0, 0), true),
                "measured, it never waited for the GIL: a lock");
    }
}
