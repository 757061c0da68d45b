package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.model.WorkerSample;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/** Sorting by name counts the numbers in names: cpu-2 before cpu-10, as a class reads them. */
class SortKeyTest {

    @Test
    void nameSortCountsNumbers() {
        List<WorkerSample> rows = new ArrayList<>();
        int id = 1;
        for (String name : List.of("cpu-10", "cpu-2", "pool-12.10", "pool-12.2", "cpu-1")) {
            rows.add(new WorkerSample(Fixtures.info(id++, name, WorkerKind.THREAD, WorkerState.RUNNING, false, 1, 100 + id,
                    0, 0, null, null, null, List.of()), Double.NaN, -1, -1, null, Fixtures.history()));
        }
        rows.sort(SortKey.NAME.comparator(Fixtures.NOW));
        assertEquals(List.of("cpu-1", "cpu-2", "cpu-10", "pool-12.2", "pool-12.10"),
                rows.stream().map(w -> w.info().name()).toList());
    }
}
