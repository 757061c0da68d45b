package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.threadlab.ThreadLab;
import org.threadlab.sample.HostSample;
import org.threadlab.sample.Measurement;
import org.threadlab.sample.ProcessSample;
import picocli.CommandLine;

/** {@code threadlab attach}: every bad PID is one line in the user's words and exit 2, before any terminal is touched. */
class AttachCommandTest {

    /** exit code, stderr, stdout */
    private static String[] run(String... args) {
        CommandLine cl = ThreadLab.commandLine();
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), err.toString(), out.toString()};
    }

    private static void refused(String expected, String... args) {
        String[] r = run(args);
        assertEquals("2", r[0], r[1]);
        assertEquals(List.of(expected), r[1].lines().toList());
        assertEquals("", r[2], "nothing on stdout: the terminal is untouched");
    }

    @Test
    void notANumber() {
        refused("threadlab: 'abc' is not a PID: a process id is a whole number, as ps and pgrep print it", "attach", "abc");
        refused("threadlab: '-5' is not a PID: a process id is a whole number, as ps and pgrep print it", "attach", "--", "-5");
        refused("threadlab: '12x' is not a PID: a process id is a whole number, as ps and pgrep print it", "attach", "1", "12x");
    }

    @Test
    void noPidAtAll() {
        String[] r = run("attach");
        assertEquals("2", r[0]);
        assertTrue(r[1].startsWith("threadlab: Missing required parameter: 'PID"), r[1]);
    }

    @Test
    void noSuchProcessThreadlabItselfAndZero() throws Exception {
        Assumptions.assumeTrue(new java.io.File("/proc/self/stat").canRead(), "reads /proc");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        refused("threadlab: no process with PID " + gone.pid() + " (ps or pgrep list the running ones)", "attach",
                Long.toString(gone.pid()));
        long self = ProcessHandle.current().pid();
        refused("threadlab: PID " + self + " is this threadlab itself: its own threads are always on the screen", "attach",
                Long.toString(self));
        refused("threadlab: no process has PID 0 (PIDs start at 1)", "attach", "0");
        refused("threadlab: no process with PID 999999999999 (ps or pgrep list the running ones)", "attach", "999999999999");
    }

    @Test
    void aGoodPidWithoutATerminalIsRefusedInAttachsWords() throws Exception {
        Assumptions.assumeTrue(new java.io.File("/proc/self/stat").canRead(), "reads /proc");
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            String[] r = run("attach", Long.toString(sleep.pid()));
            assertEquals("2", r[0], r[1]);
            assertEquals(1, r[1].lines().count(), r[1]);
            assertTrue(r[1].startsWith("threadlab attach needs an interactive terminal"), r[1]);
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void unreadableAndZombieReadingsAreSaidAsSuch() {
        ProcessSample hidden = new ProcessSample(77, -1, null, "?", Double.NaN, null, null, -1, -1, -1, null, "external",
                List.of(), "cannot read /proc/77/stat");
        ProcessSample zombie = new ProcessSample(78, 1, "defunct", "Z", 0, Duration.ZERO, Duration.ZERO, 0, 0, 1, Instant.EPOCH,
                "external", List.of(), null);
        Measurement m = new Measurement(1, Instant.EPOCH, Duration.ofSeconds(1), 5, HostSample.UNKNOWN, List.of(hidden, zombie),
                Map.of(), 0, null);
        assertEquals("cannot read process 77 (cannot read /proc/77/stat): it may belong to another user",
                AttachCommand.unwatchable(List.of(77L), 5, m));
        assertEquals("process 78 (defunct) has already exited (a zombie its parent has not reaped)",
                AttachCommand.unwatchable(List.of(78L), 5, m));
        assertNull(AttachCommand.unwatchable(List.of(), 5, m));
    }

    /** picocli writes its format warnings (a '%' not doubled) to System.err, not to the command's err. */
    @Test
    void helpWithoutPicocliWarnings() {
        java.io.PrintStream was = System.err;
        java.io.ByteArrayOutputStream caught = new java.io.ByteArrayOutputStream();
        String[] r;
        System.setErr(new java.io.PrintStream(caught, true));
        try {
            r = run("attach", "--help");
        } finally {
            System.setErr(was);
        }
        assertEquals("0", r[0]);
        assertEquals("", caught.toString() + r[1]);
        assertTrue(r[2].contains("(TIDs, names, states, CPU%, last core)"), r[2]);
    }

    @Test
    void pidsAreTakenOnceInTheirOrder() {
        assertEquals(List.of(12L, 7L), AttachCommand.parse(List.of("12", " 7", "12")));
        assertThrows(IllegalArgumentException.class, () -> AttachCommand.parse(List.of("1.5")));
    }
}
