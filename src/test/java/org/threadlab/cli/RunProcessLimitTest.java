package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;

/** --max-processes counts every process a run starts: its workers, and the pools and consumers they start. */
@ExtendWith(NoChildrenLeft.class)
class RunProcessLimitTest {

    @Test
    void aProcessPoolOverTheLimitIsRefusedBeforeAnythingStarts() {
        CliTest.Outcome o = CliTest.exec("run", "pool", "--pool", "process", "--pool-size", "4", "--max-processes", "1");
        assertEquals(2, o.code(), o.out());
        assertEquals("threadlab: --count 1 needs 4 processes (4 for each pool worker, with a pool of 4 processes), over the limit of 1 live"
                + " processes (--max-processes)", o.err().lines().findFirst().orElse(""));
        assertTrue(o.out().isEmpty(), o.out());
    }

    @Test
    void eachCounterProcessIsOneProcess() {
        // two processes under a limit of one: rightly refused, with the count that is over
        CliTest.Outcome over = CliTest.exec("run", "counter", "--as", "process", "--count", "2", "--max-processes", "1");
        assertEquals(2, over.code());
        assertTrue(over.err().startsWith("threadlab: --count 2 is over the limit of 1 live processes (--max-processes)"), over.err());
        // exactly at the limit: runs
        CliTest.Outcome at = CliTest.exec("run", "counter", "--as", "process", "--count", "2", "--max-processes", "2",
                "--increments", "1000", "--quiet");
        assertEquals(0, at.code(), at.err() + at.out());
    }

    @Test
    void aQueueInAProcessCountsItsConsumer() {
        CliTest.Outcome o = CliTest.exec("run", "queue", "--as", "process", "--max-processes", "1");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("threadlab: --count 1 needs 2 processes (2 for each queue worker, with its consumer process)"), o.err());
        CliTest.Outcome ok = CliTest.exec("run", "pool", "--pool", "process", "--pool-size", "2", "--inputs", "2", "--task", "sleep",
                "--cost", "50ms", "--max-processes", "2", "--json");
        assertEquals(0, ok.code(), ok.err());
        // the pool's two processes are rows of the summary, with their owner
        assertEquals(2, ok.out().split("\"owner\":1", -1).length - 1, ok.out());
    }
}
