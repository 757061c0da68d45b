package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threadlab.NoChildrenLeft;
import org.threadlab.ThreadLab;
import picocli.CommandLine;

@ExtendWith(NoChildrenLeft.class)
class CliTest {
    /** Output, error output and exit code of one command line. */
    record Outcome(int code, String out, String err) {}

    static Outcome exec(String... args) {
        CommandLine cl = ThreadLab.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void versionAndHelp() {
        Outcome v = exec("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("threadlab "), v.out());
        Outcome h = exec("run", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("--as=KIND"), h.out());
    }

    @Test
    void runPrintsEventsAndASummary() {
        Outcome o = exec("run", "sleep", "--as", "thread", "--count", "2", "--duration", "200ms");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("started thread sleep-1"), o.out());
        assertTrue(o.out().contains("sleep-2 finished after"), o.out());
        assertTrue(o.out().contains("joined sleep-2 after"), o.out());
        assertTrue(o.out().contains("wall "), o.out());
    }

    @Test
    void daemonWorkersDieWithMain() {
        Outcome o = exec("run", "sleep", "--count", "2", "--duration", "30s", "--daemon", "--no-join", "--json");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("\"state\":\"terminated\""), o.out());
        assertTrue(o.out().contains("killed as a daemon at exit"), o.out());
        assertFalse(o.out().contains("\"state\":\"finished\""), o.out());
    }

    @Test
    void runAsProcessesJson() {
        Outcome o = exec("run", "cpu", "--as", "process", "--count", "2", "--units", "0.05", "--json");
        assertEquals(0, o.code(), o.err());
        String json = o.out().trim();
        assertTrue(json.startsWith("{\"workload\":\"cpu\""), json);
        assertTrue(json.contains("\"kind\":\"process\""), json);
        assertEquals(2, json.split("\"state\":\"finished\"", -1).length - 1, json);
    }

    @Test
    void timeoutTerminatesWhatStillRuns() {
        Outcome o = exec("run", "memory", "--size", "4MiB", "--timeout", "300ms", "--json");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("\"timed_out\":true"), o.out());
        assertTrue(o.out().contains("\"state\":\"terminated\""), o.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "run nap                                   | unknown workload 'nap'",
            "run sleep --count 0                       | --count must be between 1",
            "run sleep --count -3                      | --count must be between 1",
            "run sleep --count many                    | 'many' is not an int",
            "run sleep --count 99999999999             | is not an int",
            "run sleep --duration 5                    | has no unit",
            "run sleep --duration 5parsecs             | unknown unit",
            "run sleep --duration 0s                   | must be positive",
            "run sleep --as fork                       | unknown kind 'fork'",
            "run sleep --units 3                       | takes no parameter 'units'",
            "run memory --size 64                      | has no unit",
            "run memory --size 99999TiB                | absurdly large",
            "run sleep --as process --count 100        | over the limit of 64 live processes",
            "run sleep --timeout 0s                    | --timeout must be positive",
            "compare --workers 0                       | --workers must be between 1 and 64",
            "compare --workers 1000                    | --workers must be between 1 and 64",
            "compare --workload disk                   | Invalid value",
            "compare --duration 1                      | has no unit",
            "compare --units -1                        | --units must be more than 0",
            "frobnicate                                | Unmatched argument",
            "run memory --as process --size 10TiB      | the machine has only",
            "run crash --how exit                      | a thread cannot exit on its own",
    })
    void badInputIsOneLineAndExitTwo(String line, String expected) {
        Outcome o = exec(line.trim().split("\\s+"));
        assertEquals(2, o.code(), o.out() + o.err());
        String first = o.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("threadlab: ") && first.contains(expected), o.err());
        assertTrue(o.err().lines().count() <= 2, o.err());
        assertTrue(o.out().isEmpty(), o.out());
    }

    @Test
    @org.junit.jupiter.api.Tag("jdk21") // both branches: refused on 17, run on 21+ (.ci/run)
    void virtualThreadsNeedJava21() {
        Outcome o = exec("run", "sleep", "--as", "virtual", "--duration", "100ms");
        if (org.threadlab.worker.VirtualThreads.available()) {
            assertEquals(0, o.code(), o.err());
            assertTrue(o.out().contains("started virtual sleep-1"), o.out());
        } else {
            assertEquals(2, o.code());
            assertEquals("threadlab: --as virtual: virtual threads need Java 21 or newer; threadlab runs on Java "
                    + Runtime.version().feature(), o.err().lines().findFirst().orElse(""));
        }
    }

    @Test
    void completionScriptIsGenerated() {
        Outcome o = exec("generate-completion");
        assertEquals(0, o.code());
        assertTrue(o.out().contains("threadlab"), o.out());
    }
}
