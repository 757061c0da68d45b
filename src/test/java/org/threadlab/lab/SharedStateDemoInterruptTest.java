package org.threadlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;

/** Ctrl-C in the middle of demo shared-state: the lessons finished before it are kept, marked incomplete. */
@ExtendWith(NoChildrenLeft.class)
class SharedStateDemoInterruptTest {
    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void anInterruptKeepsTheFinishedLessonsAndStopsTheOneUnderWay() {
        SharedStateDemo.Result r = new SharedStateDemo(2, 1000).run((what, i, total) -> {
            if (i == 4) {
                // as Ctrl-C does, through CtrlC: the fourth lesson (child processes) is under way when it comes
                Thread.currentThread().interrupt();
            }
        });
        assertFalse(r.complete());
        assertEquals(11, r.planned());
        assertEquals(List.of("unsafe", "lock", "atomic"), r.rows().stream().map(SharedStateDemo.Row::mode).toList(),
                "the three finished thread lessons, not the interrupted one");
        // (not their sizes: on a loaded machine a tiny round can end before its second worker starts)
        assertTrue(r.rows().stream().allMatch(row -> row.lesson().equals("counter") && row.workers().endsWith("threads")
                || row.workers().endsWith("thread")), r.rows().toString());
    }

    @Test
    void uninterruptedEveryLessonIsMeasured() {
        SharedStateDemo.Result r = new SharedStateDemo(1, 1000).run((what, i, total) -> { });
        assertTrue(r.complete());
        assertEquals(r.planned(), r.rows().size());
    }
}
