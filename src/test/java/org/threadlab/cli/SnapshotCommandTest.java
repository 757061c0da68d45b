package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.threadlab.ThreadLab;
import picocli.CommandLine;

class SnapshotCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = ThreadLab.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void jsonHasCoresMemoryAndEachProcessWithItsThreads() throws Exception {
        Assumptions.assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/stat")));
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            assertEquals(0, run("snapshot", "--pid", Long.toString(sleeper.pid()), "--window", "300ms", "--json"), err.toString());
            String json = out.toString().strip();
            assertTrue(json.startsWith("{") && json.endsWith("}"), json);
            assertTrue(json.contains("\"cores\":[{\"id\":0,\"util\":"), json);
            assertTrue(json.matches("(?s).*\"memory\":\\{\"used_bytes\":\\d+,\"total_bytes\":\\d+.*"), json);
            assertTrue(json.contains("\"processes\":[{\"pid\":" + sleeper.pid() + ",\"ppid\":" + ProcessHandle.current().pid()
                    + ",\"name\":\"sleep\""), json);
            assertTrue(json.matches("(?s).*\"cpu_percent\":[0-9.]+,\"rss_bytes\":\\d+.*"), json);
            assertTrue(json.contains("\"threads\":[{\"tid\":" + sleeper.pid() + ",\"name\":\"sleep\",\"state\":\"S\",\"cpu_percent\":"), json);
            assertTrue(json.matches("(?s).*\"core\":\\d+.*"), json);
            assertEquals(1, json.lines().count());
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void jsonReportsTheWindowMeasuredAndTheProcessWindowStartsWithTheHosts() {
        Assumptions.assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/stat")));
        assertEquals(0, run("snapshot", "--self", "--window", "500ms", "--json"), err.toString());
        String json = out.toString();
        java.util.regex.Matcher host = java.util.regex.Pattern.compile("^\\{\"host\":\"[^\"]*\",\"taken_at\":\"[^\"]*\",\"window_s\":([0-9.]+)").matcher(json);
        assertTrue(host.find(), json);
        double window = Double.parseDouble(host.group(1));
        // measured, not the 0.5 asked for: the second read comes after the first plus the window
        assertTrue(window > 0.5 && window < 2.5, "window_s " + window);
        java.util.regex.Matcher proc = java.util.regex.Pattern.compile("\"role\":\"self\",.*?\"window_s\":([0-9.]+),\"threads\"").matcher(json);
        assertTrue(proc.find(), json);
        double processWindow = Double.parseDouble(proc.group(1));
        // the host and the process are read back to back in each sample: their windows agree
        assertEquals(window, processWindow, 0.1, "host window " + window + " vs the process's " + processWindow);
    }

    @Test
    void textShowsCoresAndAThreadTableOfThreadlabItself() {
        Assumptions.assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/stat")));
        assertEquals(0, run("snapshot", "--window", "200ms"), err.toString());
        String system = out.toString();
        assertTrue(system.contains("cpu0"), system);
        assertTrue(system.lines().noneMatch(l -> l.startsWith("pid ")), "no --pid: the system only\n" + system);
        out.getBuffer().setLength(0);
        assertEquals(0, run("snapshot", "--self", "--window", "200ms"), err.toString());
        String text = out.toString();
        assertTrue(text.contains("pid " + ProcessHandle.current().pid() + " ("), text);
        assertTrue(text.lines().anyMatch(l -> l.strip().startsWith("tid") && l.contains("name") && l.contains("core")), text);
    }

    @Test
    void aProcessThatExitsDuringTheWindowIsMarkedAndTheOthersAreStillReported() throws Exception {
        Assumptions.assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/stat")));
        for (boolean asJson : new boolean[] {false, true}) {
            out.getBuffer().setLength(0);
            Process stays = new ProcessBuilder("sleep", "30").start();
            // alive at the first read (taken at once), gone long before the second
            Process leaves = new ProcessBuilder("sleep", "1.5").start();
            try {
                List<String> args = new java.util.ArrayList<>(List.of("snapshot", "--pid", Long.toString(stays.pid()),
                        "--pid", Long.toString(leaves.pid()), "--window", "3s", "-q"));
                if (asJson) {
                    args.add("--json");
                }
                assertEquals(1, run(args.toArray(String[]::new)), "measured, but not all asked for\n" + out + err);
                String o = out.toString();
                if (asJson) {
                    assertTrue(o.contains("{\"pid\":" + leaves.pid() + ",\"ppid\":" + ProcessHandle.current().pid()
                            + ",\"name\":\"sleep\""), o);
                    assertTrue(o.contains("\"error\":\"exited during the window\""), o);
                    assertTrue(o.contains("\"threads\":[{\"tid\":" + stays.pid() + ","), "the other is still reported\n" + o);
                } else {
                    assertTrue(o.contains("pid " + leaves.pid() + " (sleep)  ppid " + ProcessHandle.current().pid()
                            + "  exited during the window"), o);
                    assertTrue(o.contains("pid " + stays.pid() + " (sleep)  ppid "), o);
                    assertTrue(o.lines().anyMatch(l -> l.strip().startsWith(stays.pid() + " ")), "its thread table\n" + o);
                }
            } finally {
                stays.destroyForcibly().waitFor();
                leaves.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void ctrlCBeforeTheWindowEndsSaysNothingWasMeasuredAndExits130() throws Exception {
        Assumptions.assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/stat")));
        int[] code = {-1};
        Thread main = new Thread(() -> code[0] = run("snapshot", "--window", "60s"), "snapshot-main");
        main.start();
        main.interrupt(); // what Ctrl-C does, through CtrlC: it comes while the window runs (or before)
        main.join(30_000);
        assertTrue(!main.isAlive(), "snapshot did not stop: it waited out its window");
        assertEquals(130, code[0], err.toString());
        assertEquals("threadlab: interrupted (Ctrl-C) before the window ended: nothing was measured", err.toString().trim());
        assertEquals("", out.toString());
    }

    @Test
    void aPidThatDoesNotExistIsOneLineAndExitCode2() {
        assertEquals(2, run("snapshot", "--pid", "999999999", "--window", "100ms"));
        String e = err.toString();
        assertTrue(e.startsWith("threadlab: "), e);
        assertEquals(1, e.lines().count(), e);
        assertEquals("", out.toString());
    }

    @Test
    void helpIsCleanAndItsExamplesMatchTheDefaults() {
        // picocli's warnings go to System.err directly, not to the command's err writer
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new java.io.PrintStream(raw, true, java.nio.charset.StandardCharsets.UTF_8));
            code = run("snapshot", "--help");
        } finally {
            System.setErr(saved);
        }
        String stderr = raw.toString(java.nio.charset.StandardCharsets.UTF_8) + err;
        assertEquals(0, code);
        assertEquals("", stderr, "no picocli warning (an unescaped %)");
        String help = out.toString();
        assertTrue(help.contains("(CPU% over the window; 100% = one core)"), help);
        assertTrue(help.lines().allMatch(l -> l.length() <= 80), "fits 80 columns\n" + help);
        String bare = help.lines().filter(l -> l.strip().startsWith("threadlab snapshot ") && l.contains("("))
                .filter(l -> l.strip().split("\\s+").length == 2 || l.strip().split("\\s+")[2].startsWith("("))
                .findFirst().orElseThrow(() -> new AssertionError("an example of the bare command\n" + help));
        assertTrue(bare.contains("system only"), "the bare command shows the system only: " + bare);
        assertTrue(help.lines().anyMatch(l -> l.contains("snapshot --self") && l.contains("threadlab's own JVM")), help);
    }

    @Test
    void aNonPositiveWindowIsRefused() {
        assertEquals(2, run("snapshot", "--window", "0s"));
        assertTrue(err.toString().startsWith("threadlab: "), err.toString());
    }
}
