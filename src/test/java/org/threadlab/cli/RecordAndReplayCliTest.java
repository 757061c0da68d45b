package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.threadlab.NoChildrenLeft;
import org.threadlab.record.Recording;
import org.threadlab.record.RecordingReader;

/** --record on run and compare, and replay's summary and refusals, as a user types them. */
@ExtendWith(NoChildrenLeft.class)
class RecordAndReplayCliTest {
    @TempDir
    Path dir;

    @Test
    void runRecordsAndReplayPrintsWhatHappened() throws Exception {
        Path f = dir.resolve("run.jsonl");
        CliTest.Outcome o = CliTest.exec("run", "sleep", "--count", "2", "--duration", "1500ms", "--record", f.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().matches("(?s).*threadlab: recorded \\d+ models to " + java.util.regex.Pattern.quote(f.toString()) + "\\s*"), o.err());
        List<String> lines = Files.readAllLines(f);
        assertTrue(lines.get(0).contains("\"command\":\"run\""), lines.get(0));
        assertTrue(lines.get(lines.size() - 1).startsWith("{\"type\":\"end\""), "closed with its end line");

        // stdout is not a terminal here: a summary, as with --print
        CliTest.Outcome p = CliTest.exec("replay", f.toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(p.out().contains("(run)") && p.out().contains("cores"), p.out());
        assertTrue(p.out().contains("started thread sleep-1") && p.out().contains("joined sleep-2"), p.out());
        assertTrue(p.out().matches("(?s).*models     [1-9]\\d*, every 1s, over .*"), p.out());
        assertEquals(p.out(), CliTest.exec("replay", "--print", f.toString()).out());
    }

    @Test
    void anInterruptedRunStillEndsItsRecording() throws Exception {
        Path f = dir.resolve("ctrlc.jsonl");
        picocli.CommandLine cl = org.threadlab.ThreadLab.commandLine();
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        int[] code = {-1};
        Thread main = new Thread(() -> code[0] = cl.execute("run", "sleep", "--count", "2", "--duration", "30s", "--record", f.toString()),
                "run-main");
        main.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!out.toString().contains("started thread sleep-2")) {
            assertTrue(System.nanoTime() < deadline, "the workers did not start: " + out + err);
            Thread.sleep(20);
        }
        main.interrupt(); // what Ctrl-C does, through CtrlC
        main.join(20_000);
        assertEquals(130, code[0], out + "\n" + err);
        assertTrue(err.toString().contains("threadlab: recorded "), err.toString());
        Recording r = RecordingReader.read(f);
        assertEquals(List.of(), r.notes(), "ended properly, nothing cut short");
        assertTrue(r.events().stream().anyMatch(e -> e.type() == org.threadlab.worker.Event.Type.TERMINATED && e.workerId() == 2),
                r.events().toString());
    }

    @Test
    void compareRecordsEveryRunInOneFile() throws Exception {
        Path f = dir.resolve("compare.jsonl");
        CliTest.Outcome o = CliTest.exec("compare", "--workers", "1", "--workload", "sleep", "--duration", "300ms", "--quiet",
                "--record", f.toString());
        assertEquals(0, o.code(), o.err());
        CliTest.Outcome p = CliTest.exec("replay", "--print", f.toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(p.out().contains("(compare)"), p.out());
        // one start per run: single, sequential, threads, threads+GIL, (virtual), processes
        long started = p.out().lines().filter(l -> l.contains("started ")).count();
        assertTrue(started >= 5, p.out());
        assertTrue(p.out().contains("started process sleep-1"), p.out());
        // every run numbers its workers from 1: the summary counts each worker of each run, not the ids
        long workers = p.out().lines().filter(l -> l.matches("\\d\\d:\\d\\d:\\d\\d  started (thread|virtual|process) .*")).count();
        assertTrue(p.out().contains("\nworkers    " + workers + "\n"), workers + " workers started: " + p.out());
        // each run begins with an event that names it
        assertTrue(p.out().contains("compare run 1 of ") && p.out().contains(": sleep, single"), p.out());
        assertTrue(p.out().matches("(?s).*compare run (\\d+) of \\1: sleep, processes.*"), p.out());
    }

    @Test
    void aBadRecordingExits2WithOneLine() throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"type\":\"header\",\"format\":\"threadlab-recording\",\"version\":\"1.0\",\"cores\":2}\n{\"type\":\"model\"\n");
        CliTest.Outcome o = CliTest.exec("replay", f.toString());
        assertEquals(2, o.code());
        assertEquals("", o.out());
        assertTrue(o.err().startsWith("threadlab: " + f + ":2: not valid JSON"), o.err());
        assertEquals(1, o.err().lines().count(), o.err());

        CliTest.Outcome missing = CliTest.exec("replay", dir.resolve("none.jsonl").toString());
        assertEquals(2, missing.code());
        assertEquals("threadlab: " + dir.resolve("none.jsonl") + ": no such file", missing.err().strip());
        CliTest.Outcome directory = CliTest.exec("replay", dir.toString());
        assertEquals(2, directory.code());
        assertEquals("threadlab: " + dir + ": is a directory, not a recording", directory.err().strip());
    }

    @Test
    void aRecordFileThatCannotBeWrittenOrATinyLimitIsBadUsage() {
        CliTest.Outcome o = CliTest.exec("run", "sleep", "--duration", "100ms", "--record", dir.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("threadlab: --record " + dir + ": cannot write it ("), o.err());
        CliTest.Outcome tiny = CliTest.exec("run", "sleep", "--duration", "100ms", "--record", dir.resolve("x").toString(), "--record-max", "1KiB");
        assertEquals(2, tiny.code(), tiny.err());
        assertTrue(tiny.err().startsWith("threadlab: --record-max must be at least 64KiB, not 1KiB"), tiny.err());
        CliTest.Outcome nonsense = CliTest.exec("compare", "--record", dir.resolve("y").toString(), "--record-max", "lots");
        assertEquals(2, nonsense.code(), nonsense.err());
        assertTrue(nonsense.err().startsWith("threadlab: --record-max: 'lots' is not a size"), nonsense.err());
    }
}
