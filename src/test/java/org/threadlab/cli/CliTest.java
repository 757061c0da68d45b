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
        // -V is offered by every subcommand's help: it says the version there too
        for (String sub : new String[] {"run", "compare", "workloads", "generate-completion", "bench", "demo"}) {
            Outcome sv = exec(sub, "-V");
            assertEquals(0, sv.code(), sub);
            assertEquals(v.out(), sv.out(), sub + " -V");
        }
        Outcome h = exec("run", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("--as=KIND"), h.out());
        // a workload option is given once (a repeat is refused), so the synopsis does not offer the group again
        assertTrue(h.out().contains("[[--duration=DURATION]") && h.out().contains("[--cmd=COMMAND]] WORKLOAD"), h.out());
        assertFalse(h.out().contains("]..."), h.out());
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
    void anInterruptedRunPrintsWhatItMeasuredMarkedIncompleteAndExits130() throws Exception {
        CommandLine cl = ThreadLab.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int[] code = {-1};
        Thread main = new Thread(() -> code[0] = cl.execute("run", "sleep", "--count", "2", "--duration", "30s"), "run-main");
        main.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!out.toString().contains("started thread sleep-2")) {
            assertTrue(System.nanoTime() < deadline, "the workers did not start: " + out + err);
            Thread.sleep(20);
        }
        main.interrupt(); // what Ctrl-C does, through CtrlC
        main.join(20_000);
        assertFalse(main.isAlive(), "run did not stop");
        assertEquals(130, code[0], out + "\n" + err);
        String text = out.toString();
        assertTrue(text.matches("(?s).*\\n *1 +sleep-1 +thread .*terminated.*"), "the summary table, with both workers\n" + text);
        assertTrue(text.contains("(INCOMPLETE: interrupted by Ctrl-C; what still ran was stopped)"), text);
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
        assertEquals(3, o.code(), "a run whose --timeout fired exits 3\n" + o.err());
        assertTrue(o.out().contains("\"timed_out\":true"), o.out());
        assertTrue(o.out().contains("\"state\":\"terminated\""), o.out());
        Outcome text = exec("run", "sleep", "--duration", "30s", "--timeout", "200ms");
        assertEquals(3, text.code(), text.err());
        assertTrue(text.out().contains("(timed out after 200ms)"), text.out());
        assertEquals(0, exec("run", "sleep", "--duration", "100ms", "--timeout", "20s").code(), "in time: 0");
    }

    @Test
    void aTimedOutProcessPoolsMembersAreShownAsTheyEndedNotRunning() {
        // the owner is a process: its members end a moment after it (their stdin closes with it); the
        // summary is what happened, so it waits for those ends rather than show the members still running
        Outcome o = exec("run", "pool", "--as", "process", "--pool", "process", "--pool-size", "2", "--inputs", "40",
                "--cost", "1s", "--timeout", "6s", "--json");
        assertEquals(3, o.code(), o.err());
        long members = o.out().split("\"owner\":1", -1).length - 1;
        assertEquals(2, members, "both members started within the 6 s\n" + o.out());
        assertFalse(o.out().contains("\"state\":\"running\""), "a worker still running in the summary\n" + o.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "run nap                                   | unknown workload 'nap'",
            "run sleep --count 0                       | --count must be between 1",
            "run sleep --count -3                      | --count must be between 1",
            "run sleep --count many                    | 'many' is not a whole number",
            "run sleep --count 99999999999             | '99999999999' is too large",
            "run sleep --count 1.5                     | '1.5' is not a whole number",
            "snapshot --pid abc                        | 'abc' is not a whole number",
            "snapshot --pid 99999999999999999999       | '99999999999999999999' is too large",
            "compare --units abc                       | --units must be a number, not 'abc'",
            "demo shared-state --workers abc           | 'abc' is not a whole number",
            "bench child --rounds 1e3                  | '1e3' is not a whole number",
            "run sleep --duration 5                    | has no unit",
            "run sleep --duration 5parsecs             | unknown unit",
            "run sleep --duration 0s                   | must be positive",
            "run sleep --duration 25h                  | --duration 25h is too long (at most 24h)",
            "run sleep --as fork                       | unknown kind 'fork'",
            "run sleep --units 3                       | workload sleep takes no --units (it takes --duration)",
            "run pool --pool-size 0                    | --pool-size must be at least 1, not 0",
            "run pool --pool-size 300                  | --pool-size must be at most 256, not 300",
            "run cpu --units 0                         | --units must be more than 0",
            "run cpu --gil-interval 0s                 | --gil-interval must be between 1us and 10s, not 0s",
            "run cpu --gil-interval 11s                | --gil-interval must be between 1us and 10s, not 11s",
            "run sleep --grace 2m                      | --grace must be between 0s and 1m, not 2m",
            "run sleep --max-processes 0               | --max-processes must be between 1 and 4096, not 0",
            "run sleep --max-threads 0                 | --max-threads must be between 1 and 1000000, not 0",
            "run exec --cmd true                       | exec starts a program of its own: it runs only as a process (--as process)",
            "run memory --size 64                      | has no unit",
            "run memory --size 99999TiB                | absurdly large",
            "run sleep --as process --count 100        | over the limit of 64 live processes",
            "run sleep --timeout 0s                    | --timeout must be positive",
            "compare --workers 0                       | --workers must be between 1 and 64",
            "compare --workers 1000                    | --workers must be between 1 and 64",
            "compare --workload disk                   | Invalid value",
            "compare --duration 1                      | has no unit",
            "compare --units -1                        | --units must be more than 0",
            "compare --units 0                         | --units must be more than 0 and at most 600, not 0",
            "compare --units 601                       | --units must be more than 0 and at most 600, not 601",
            "compare --units NaN                       | --units must be a number, not 'NaN'",
            "compare --duration 0s                     | --duration must be positive, not 0s",
            "compare --duration 11m                    | --duration 11m is too long (at most 10m)",
            "compare --duration=                       | --duration: empty duration",
            "frobnicate                                | Unmatched argument",
            "run memory --as process --size 10TiB      | the machine has only",
            "run crash --how exit                      | a thread cannot exit on its own",
            "run exec --as process                     | --cmd is required (e.g. --cmd 'python3 demos/busy_threads.py 30')",
            "run sleep --duration 1s --duration=2s     | option '--duration' should be specified only once",
            "run cpu --stubborn --units 1 --stubborn   | option '--stubborn' should be specified only once",
            "run pool --pool-size 2 --pool-size 3      | option '--pool-size' should be specified only once",
            "snapshot --source windows                 | --source must be oshi, proc or auto, not 'windows'",
            "ui --source OSHI                          | --source must be oshi, proc or auto, not 'OSHI'",
            "--source procfs                           | --source must be oshi, proc or auto, not 'procfs'",
            "lesson threads --source x                 | --source must be oshi, proc or auto, not 'x'",
    })
    void badInputIsOneLineAndExitTwo(String line, String expected) {
        Outcome o = exec(line.trim().split("\\s+"));
        assertEquals(2, o.code(), o.out() + o.err());
        String first = o.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("threadlab: ") && first.contains(expected), o.err());
        assertTrue(o.err().lines().count() <= 2, o.err());
        assertTrue(o.out().isEmpty(), o.out());
        // the user's terms: durations as they are written, options, never Java's PT2M or a UI key like (p)
        assertFalse(java.util.regex.Pattern.compile("\\bPT\\d|\\([a-zA-Z]\\)").matcher(o.err()).find(), o.err());
        // nor Java's types: a user writes numbers, not ints, longs and doubles
        assertFalse(java.util.regex.Pattern.compile("\\b(int|(?<!too )long|double|Integer|Long|Double)\\b").matcher(o.err()).find(), o.err());
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

    @ParameterizedTest
    @CsvSource({"''", "run", "compare", "demo", "snapshot", "bench", "bench sampler", "bench child", "bench record", "ui", "attach", "workloads",
            "generate-completion", "replay", "report"})
    void helpReadsWellAt80Columns(String command) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command.split(" ")));
        args.removeIf(String::isEmpty);
        args.add("--help");
        Outcome o = exec(args.toArray(new String[0]));
        assertEquals(0, o.code(), o.err());
        assertEquals("", o.err(), "no picocli warnings");
        java.util.List<String> lines = o.out().lines().toList();
        boolean inCommands = false;
        StringBuilder entry = new StringBuilder();
        java.util.List<String> entries = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertTrue(line.length() <= 80, "longer than 80 columns: " + line);
            String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
            assertFalse(line.matches(".*\\d\\.") && next.matches("\\d.*"), "a number cut at the line's end (picocli breaks after a '.'):\n"
                    + line + "\n" + next);
            if (!line.isEmpty() && !next.isEmpty() && Character.isLowerCase(next.charAt(0))) {
                // a paragraph's line that was continued: picocli only breaks a full line, a hard break cuts a short one
                assertTrue(line.length() >= 60 && !line.startsWith("  threadlab "), "a sentence cut by a hard line break:\n"
                        + line + "\n" + next + "\n\n" + o.out());
            }
            if (line.equals("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.startsWith("  ") && !line.startsWith("   ")) {
                entries.add(entry.toString());
                entry.setLength(0);
                entry.append(line.trim());
            } else if (inCommands && line.startsWith("   ")) {
                entry.append(' ').append(line.trim());
            }
        }
        entries.add(entry.toString());
        for (String e : entries) {
            // a subcommand's summary is the first line of its description: a whole sentence, not half of one
            assertTrue(e.isEmpty() || e.endsWith("."), "summary cut mid-sentence: " + e);
        }
    }

    @Test
    void uiHelpSaysWhatTheTerminalDecides() {
        // colours and boxes follow TERM as well as the locale and NO_COLOR: the help says so, as the README does
        for (String[] args : new String[][] {{"ui", "--help"}, {"--help"}}) {
            String help = exec(args).out().replaceAll("\\s+", " ");
            assertTrue(help.contains("automatic when the locale is not UTF-8 and on a VT100"), help);
        }
        String ui = exec("ui", "--help").out().replaceAll("\\s+", " ");
        assertTrue(ui.contains("Colours follow TERM: none on vt100, 8 on xterm or screen, 256 where TERM says 256color"), ui);
    }

    @Test
    void benchWithAnUnknownFigureIsBadUsageInOneLine() {
        Outcome o = exec("bench", "--only", "nosuch");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("threadlab: --only: no figure called 'nosuch' (figures: "), o.err());
        assertEquals("", o.out());
    }

    @Test
    void benchListsItsFigures() {
        Outcome o = exec("bench", "--list");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith("sampler ")), o.out());
    }

    @Test
    void completionScriptIsGenerated() {
        Outcome o = exec("generate-completion");
        assertEquals(0, o.code());
        assertTrue(o.out().contains("threadlab"), o.out());
        // how to install it, this shell and for good
        Outcome help = exec("generate-completion", "--help");
        assertTrue(help.out().contains("source <(threadlab generate-completion)"), help.out());
        assertTrue(help.out().contains("d=~/.local/share/bash-completion/completions\n  mkdir -p \"$d\" && threadlab generate-completion > \"$d/threadlab\"\n"),
                help.out());
        help.out().lines().forEach(l -> assertTrue(l.length() <= 80, "longer than 80 columns: " + l));
    }
}
