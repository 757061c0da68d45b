package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code threadlab timeline}: refusals in one line with exit 2, a followed process, one that ends during the run. */
class TimelineCommandTest {
    private static void refused(String expected, String... args) {
        CliTest.Outcome o = CliTest.exec(args);
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().lines().findFirst().orElse("").contains(expected), o.err());
        assertEquals("", o.out());
    }

    @Test
    void badInputIsRefusedInOneLine() {
        refused("no process 99999999", "timeline", "--pid", "99999999", "--duration", "1s");
        long self = ProcessHandle.current().pid();
        refused("--slice must be between 2ms and 1s, not 1ms", "timeline", "--pid", "" + self, "--slice", "1ms");
        refused("--slice must be between 2ms and 1s, not 2s", "timeline", "--pid", "" + self, "--slice", "2s");
        refused("--duration must be between 20ms and 10m, not 10ms", "timeline", "--pid", "" + self, "--duration", "10ms");
        refused("--duration", "timeline", "--pid", "" + self, "--duration", "soon");
        refused("Missing required option: '--pid=PID'", "timeline");
    }

    @Test
    void helpAndCompletionKnowTheCommand() {
        CliTest.Outcome help = CliTest.exec("timeline", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--slice=DURATION") && help.out().contains("Exit codes: 0 followed"), help.out());
        CliTest.Outcome completion = CliTest.exec("generate-completion");
        assertTrue(completion.out().contains("function _picocli_threadlab_timeline()"), "completion has the command");
        assertTrue(completion.out().contains("'--slice'"), "and its options");
    }

    @Test
    void aProcessIsFollowedSliceBySliceAndSummed() throws Exception {
        Assumptions.assumeTrue(org.threadlab.sample.Kernel.LINUX, "needs /proc");
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            CliTest.Outcome o = CliTest.exec("timeline", "--pid", "" + sleeper.pid(), "--duration", "300ms", "--slice", "50ms", "--json");
            assertEquals(0, o.code(), o.err());
            String json = o.out();
            assertTrue(json.startsWith("{\"slice_ns\":50000000,\"kernel_tick_ns\":"), json);
            assertTrue(json.contains("\"pid\":" + sleeper.pid()), json);
            assertTrue(json.contains("\"threads\":[{\"tid\":" + sleeper.pid() + ",\"name\":\"sleep\",\"cpu_ns\":["), json);
            assertTrue(json.matches("(?s).*\"state\":\\[\"S\"(,\"S\"){4,6}\\].*"), "6 slices of 50 ms in 300 ms, asleep: " + json);
            assertTrue(json.contains("\"process_cpu_ns\":["), json);

            CliTest.Outcome text = CliTest.exec("timeline", "--pid", "" + sleeper.pid(), "--duration", "100ms", "--slice", "20ms");
            assertEquals(0, text.code(), text.err());
            assertTrue(text.out().contains("1 thread that never ran left out"), "asleep throughout: " + text.out());
            assertTrue(text.out().contains(sleeper.pid() + "  sleep "), "in the summary: " + text.out());
            assertTrue(text.out().contains("cores per slice (all threads): median 0.00"), text.out());
            assertTrue(text.out().contains("20 ms slices · CPU to ±"), text.out());
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void aProcessThatEndsDuringTheRunIsSaidAndWhatWasReadPrinted() throws Exception {
        Assumptions.assumeTrue(org.threadlab.sample.Kernel.LINUX, "needs /proc");
        Process brief = new ProcessBuilder("sleep", "0.6").start();
        CliTest.Outcome o = CliTest.exec("timeline", "--pid", "" + brief.pid(), "--duration", "5s", "--json");
        assertEquals(1, o.code(), o.err());
        assertTrue(o.err().contains("threadlab: process " + brief.pid() + " ended during the run: printed the "), o.err());
        assertTrue(o.out().contains("\"ended\":true"), o.out());
        assertTrue(o.out().contains("\"X\""), "the thread's end is a slice of its own: " + o.out());
        brief.waitFor();
    }
}
