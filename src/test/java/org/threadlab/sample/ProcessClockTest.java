package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.threadlab.lab.SamplerBench;

/**
 * The kernel's CPU-time clock of another process, read through JNA: the sum, to the nanosecond, of the
 * counters its threads' schedstat show (what lets ProcProbe prove threads idle without reading them).
 */
class ProcessClockTest {

    @Test
    void anotherProcesssClockIsTheSumOfItsThreadsSchedstat() throws Exception {
        Assumptions.assumeTrue(Platform.PROC_AVAILABLE, "needs Linux's /proc");
        LongUnaryOperator clock = ProcessClock.system();
        long self = ProcessHandle.current().pid();
        // JNA is loaded in the background on the first ask for another process: -1 until then, never a wait
        // (threadlab's own clock never starts the load, however often it is asked for)
        clock.applyAsLong(1);
        long deadline0 = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (clock.applyAsLong(self) < 0 && System.nanoTime() < deadline0) {
            Thread.sleep(10);
        }
        assertTrue(clock.applyAsLong(self) > 0, "this JVM's own clock, once JNA is loaded");
        Process p = new ProcessBuilder(SamplerBench.targetCommand(4)).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine());
            long pid = p.pid();
            TaskClock tasks = TaskClock.system();
            // its JVM's own threads wake now and then: a read is compared when nothing ran during it
            String last = "";
            boolean equal = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!equal && System.nanoTime() < deadline) {
                long before = clock.applyAsLong(pid);
                long sum = tasks.cpuNanos(pid);
                long after = clock.applyAsLong(pid);
                assertTrue(before > 0, "a started JVM has used CPU: " + before);
                equal = before == after && sum == before;
                last = before + " / " + sum + " / " + after;
            }
            assertTrue(equal, "clock, sum of schedstat, clock: " + last);
        } finally {
            p.destroyForcibly();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        }
        assertEquals(-1, clock.applyAsLong(p.pid()), "an ended (and reaped) process has no clock");
        assertEquals(-1, clock.applyAsLong(0));
        assertEquals(-1, ProcessClock.NONE.applyAsLong(ProcessHandle.current().pid()));
    }
}
