package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskClockTest {

    @Test
    void sumsTheFirstFieldOfEveryThreadsSchedstat(@TempDir Path root) throws Exception {
        write(root, "7/task/7/schedstat", "1500000 20 3\n");
        write(root, "7/task/9/schedstat", "250 0 1\n");
        write(root, "7/task/11/schedstat", "garbage\n"); // not a figure: left out
        TaskClock clock = new TaskClock(root.toString());
        assertEquals(1_500_250, clock.cpuNanos(7));
        assertEquals(-1, clock.cpuNanos(8), "no such process");
    }

    @Test
    void aBusyProcessOfThisMachineMovesInNanosecondsNotClockTicks() {
        Assumptions.assumeTrue(Kernel.LINUX, "reads /proc");
        TaskClock clock = TaskClock.system();
        long self = ProcessHandle.current().pid();
        long before = 0;
        long after = 0;
        // the sum is over live threads: one of this JVM's threads ending inside the window takes its time out
        // of it (seen once on a loaded CI machine). A window in which none ended shows the spin; ten tries
        for (int attempt = 0; attempt < 10 && !(before > 0 && after > before); attempt++) {
            before = clock.cpuNanos(self);
            long spinUntil = System.nanoTime() + 3_000_000; // 3 ms: under one 10 ms clock tick
            while (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            }
            after = clock.cpuNanos(self);
        }
        assertTrue(before > 0 && after > before, before + " -> " + after);
        assertTrue((after - before) % 10_000_000 != 0, "not whole clock ticks: " + (after - before));
    }

    private static void write(Path root, String file, String text) throws Exception {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
