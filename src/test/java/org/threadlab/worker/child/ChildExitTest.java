package org.threadlab.worker.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.Workloads;

/**
 * A child ends as soon as it has said its result: its main thread's read of stdin no longer holds
 * the JVM's halt up (it waited 300 ms for a thread in a native read, every process worker's end).
 */
@ExtendWith(NoChildrenLeft.class)
class ChildExitTest {
    @Test
    void theProcessEndsRightAfterItsResultNotAFixedPauseLater() throws Exception {
        List<String> cmd = ChildCommand.build("t1", "w-1", Workloads.parse(WorkloadSpec.of("sleep").with("duration", "400ms")), 0, false, 0);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // stdin stays open, as the parent keeps it: the child must end by itself
            LineReader in = new LineReader(p.getInputStream());
            String line = in.readLine();
            assertEquals("hello", Protocol.verb(line), line);
            long hello = System.nanoTime();
            while ((line = in.readLine()) != null && !line.startsWith("result ")) {
                // progress and state lines
            }
            long result = System.nanoTime();
            assertEquals("result slept 400ms", line);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            long gone = System.nanoTime();
            assertEquals(Protocol.EXIT_OK, p.exitValue());
            double sleptMs = (result - hello) / 1e6;
            double exitMs = (gone - result) / 1e6;
            // compared with the sleep measured in the same run: the old pause alone was 3/4 of it
            assertTrue(exitMs < sleptMs / 2, "ended " + exitMs + " ms after its result (slept " + sleptMs + " ms)");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void stopStillEndsTheWorkWithExitThreeAndAClosedStdinStillEndsTheChild() throws Exception {
        List<String> cmd = ChildCommand.build("t1", "w-1", Workloads.parse(WorkloadSpec.of("sleep").with("duration", "60s")), 0, false, 0);
        Process stopped = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Process orphaned = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertEquals("hello", Protocol.verb(new LineReader(stopped.getInputStream()).readLine()));
            assertEquals("hello", Protocol.verb(new LineReader(orphaned.getInputStream()).readLine()));
            stopped.getOutputStream().write("stop\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            stopped.getOutputStream().flush();
            orphaned.getOutputStream().close();
            assertTrue(stopped.waitFor(30, TimeUnit.SECONDS));
            assertTrue(orphaned.waitFor(30, TimeUnit.SECONDS));
            assertEquals(Protocol.EXIT_STOPPED, stopped.exitValue());
            assertEquals(Protocol.EXIT_PARENT_GONE, orphaned.exitValue());
        } finally {
            stopped.destroyForcibly();
            orphaned.destroyForcibly();
        }
    }
}
