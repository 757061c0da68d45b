package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threadlab.ThreadLab;
import org.threadlab.model.SnapshotSource;
import org.threadlab.worker.Supervisor;
import picocli.CommandLine;

class UiCommandTest {

    private static String[] run(String... args) {
        CommandLine cl = ThreadLab.commandLine();
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), err.toString(), out.toString()};
    }

    @Test
    void withoutATerminalItSaysSoInOneLineAndExits2() {
        // the tests' stdout is a pipe, never a terminal
        for (String[] args : new String[][] {{"ui"}, {}}) {
            String[] r = run(args);
            assertEquals("2", r[0], r[1]);
            assertEquals(1, r[1].lines().count(), r[1]);
            assertTrue(r[1].contains("threadlab snapshot") && r[1].contains("threadlab run"), r[1]);
            assertEquals("", r[2]);
        }
    }

    @Test
    void tooSmallOrDumbTerminalsAreRefused() {
        assertTrue(UiCommand.refusal(true, "xterm", new TerminalSize(79, 24)).contains("at least 80x24, this one is 79x24"));
        assertTrue(UiCommand.refusal(true, "xterm", new TerminalSize(80, 23)).contains("80x23"));
        assertTrue(UiCommand.refusal(true, "dumb", null).contains("TERM=dumb"));
        assertTrue(UiCommand.refusal(false, "xterm", null).contains("not one"));
        assertTrue(UiCommand.refusal(false, "xterm", null, true).contains("not one; over SSH, 'ssh -t' gives it one)"));
        assertFalse(UiCommand.refusal(false, "xterm", null, false).contains("ssh"), "a local pipe is not told about SSH");
        assertNull(UiCommand.refusal(true, "xterm-256color", new TerminalSize(80, 24)));
    }

    @Test
    void intervalBelow100msIsABadOption() {
        String[] r = run("ui", "--interval", "50ms");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("between 100ms and 10s, not 50ms"), r[1]);
    }

    @Test
    void intervalOver10sIsRefusedAsThePlusKeyBoundsIt() {
        for (String[] args : new String[][] {{"ui", "--interval", "1h"}, {"--interval", "1h"}, {"ui", "--interval", "11s"}}) {
            String[] r = run(args);
            assertEquals("2", r[0], r[1]);
            assertTrue(r[1].startsWith("threadlab: --interval must be between 100ms and 10s, not " + args[args.length - 1] + "\n"), r[1]);
            assertEquals("", r[2]);
        }
        assertEquals("0", run("ui", "--interval", "10s", "--help")[0]);
    }

    @Test
    void theSourceFactoryGivesAWorkingFeed() {
        try (Supervisor s = new Supervisor(); SnapshotSource src = UiCommand.openSource(s, Duration.ofMillis(200))) {
            assertEquals(Duration.ofMillis(200), src.interval());
            assertEquals(ProcessHandle.current().pid(), src.latest().selfPid());
            assertEquals(Runtime.getRuntime().availableProcessors(), src.latest().host().cores().size());
        }
    }
}
