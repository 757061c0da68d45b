package org.threadlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.Workloads;
import org.threadlab.worker.child.ChildCommand;
import org.threadlab.worker.child.LineReader;
import org.threadlab.worker.child.Protocol;

/** The wire protocol, spoken directly to a real child JVM. */
@ExtendWith(NoChildrenLeft.class)
class ChildProtocolTest {

    private static Process start(WorkloadSpec spec) throws Exception {
        return new ProcessBuilder(ChildCommand.build("t1", "w-1", Workloads.parse(spec), 0, false, 0))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Every line the child writes, until it closes its output. */
    private static List<String> lines(Process p) throws java.io.IOException {
        LineReader in = new LineReader(p.getInputStream());
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            lines.add(line);
        }
        return lines;
    }

    @Test
    void helloProgressResultThenExitZero() throws Exception {
        Process p = start(WorkloadSpec.of("sleep").with("duration", "300ms"));
        try {
            List<String> lines = lines(p);
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            assertEquals(Protocol.EXIT_OK, p.exitValue());
            String hello = lines.get(0);
            assertEquals("hello", Protocol.verb(hello));
            assertEquals("1", Protocol.field(hello, "v"));
            assertEquals(Long.toString(p.pid()), Protocol.field(hello, "pid"));
            assertEquals("w-1", Protocol.field(hello, "name"));
            assertTrue(Long.parseLong(Protocol.field(hello, "tid")) > 0 || !new java.io.File("/proc/self").exists());
            assertTrue(lines.contains("progress 3 3"), lines.toString());
            assertTrue(lines.contains("state waiting"), lines.toString());
            assertEquals("result slept 300ms", lines.get(lines.size() - 1));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("cpu ")), lines.toString());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void theChildStaysLightItLoadsNoLibraryAndDoesNotSearchTheClassPathForWorkloads() throws Exception {
        List<String> cmd = new ArrayList<>(ChildCommand.build("t1", "w-1",
                Workloads.parse(WorkloadSpec.of("pool").with("inputs", "2").with("task", "sleep").with("cost", "1ms")), 0, false, 0));
        cmd.add(1, "-verbose:class");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            List<String> lines = lines(p);
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            assertEquals(Protocol.EXIT_OK, p.exitValue(), String.join("\n", lines));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("result mapped x*x over 2 inputs")), String.join("\n", lines));
            List<String> heavy = lines.stream().filter(l -> l.startsWith("[") && (l.contains("com.googlecode.lanterna") || l.contains("oshi.")
                    || l.contains("picocli.") || l.contains("tools.jackson") || l.contains("java.util.ServiceLoader"))).toList();
            assertEquals(List.of(), heavy, "the child JVM must not load these: its start-up is measured in milliseconds");
            // the descriptor came by name on the command line: no other workload's was loaded
            assertTrue(lines.stream().noneMatch(l -> l.contains("org.threadlab.work.CounterWork")), "loaded every descriptor");
            // nor, before hello, ProcessHandle: its first use starts the JDK's reaper pool with lambdas
            List<String> beforeHello = lines.subList(0, lines.indexOf(lines.stream().filter(l -> l.startsWith("hello ")).findFirst().orElseThrow()));
            assertEquals(List.of(), beforeHello.stream().filter(l -> l.contains("ProcessHandleImpl") || l.contains("LambdaForm$")
                    || l.contains("$$Lambda")).toList(), "loaded on the way to hello");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aDamagedSpecIsReadOnceAtTheChildsEdgeAndFailsTheWorkWithItsReason() throws Exception {
        // the child's arguments are its edge: read and checked once, and a bad one is said in words, not a stack trace
        Process p = new ProcessBuilder(ChildCommand.build("t1", "w-1", WorkloadSpec.of("cpu").with("units", "1").with("_unit", "oops"),
                0, false, 0)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            List<String> lines = lines(p);
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            assertEquals(Protocol.EXIT_FAILED, p.exitValue());
            assertEquals("hello", Protocol.verb(lines.get(0)));
            assertEquals("error _unit must be a whole number, not 'oops'", lines.get(lines.size() - 1));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void stopEndsTheWorkWithExitThree() throws Exception {
        Process p = start(WorkloadSpec.of("sleep").with("duration", "60s"));
        try {
            LineReader in = new LineReader(p.getInputStream());
            assertEquals("hello", Protocol.verb(in.readLine()));
            OutputStream out = p.getOutputStream();
            out.write("stop\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            assertEquals(Protocol.EXIT_STOPPED, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aChildExitsWhenItsParentsPipeCloses() throws Exception {
        Process p = start(WorkloadSpec.of("sleep").with("duration", "60s"));
        try {
            LineReader in = new LineReader(p.getInputStream());
            assertEquals("hello", Protocol.verb(in.readLine()));
            long start = System.nanoTime();
            p.getOutputStream().close();
            assertTrue(p.waitFor(5, TimeUnit.SECONDS), "child still running after its stdin closed");
            assertEquals(Protocol.EXIT_PARENT_GONE, p.exitValue());
            assertTrue(System.nanoTime() - start < 2_000_000_000L);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void oversizedLinesAreRejectedNotBuffered() throws Exception {
        String big = "x".repeat(Protocol.MAX_LINE + 10);
        LineReader r = new LineReader(new ByteArrayInputStream(("ok\n" + big + "\nafter\r\nlast").getBytes(StandardCharsets.UTF_8)));
        assertEquals("ok", r.readLine());
        assertEquals(LineReader.OVERSIZED, r.readLine());
        assertEquals("after", r.readLine());
        assertEquals("last", r.readLine());
        assertNull(r.readLine());
    }

    @Test
    void malformedLinesFromAChildAreCountedAndIgnored() {
        ProcessWorker w = new ProcessWorker(9, "x-9", Workloads.parse(WorkloadSpec.of("sleep")), false, new Worker.Listener() {
            @Override public void started(Worker x) { }
            @Override public void ended(Worker x) { }
        }, 0, false, 0);
        w.handle("hello v=1 pid=5 tid=6 name=x-9");
        w.handle("hello v=99 pid=5 tid=7 name=x-9");
        w.handle("progress 1");
        w.handle("progress -1 5");
        w.handle("progress a b");
        w.handle("cpu lots");
        w.handle("launch missiles");
        w.handle(LineReader.OVERSIZED);
        w.handle("progress 2 5");
        assertEquals(6, w.info().tid());
        assertEquals(2, w.info().progressDone());
        assertEquals(7, w.malformedLines());
        assertTrue(w.command().contains("-Dthreadlab.worker=9"));
        assertTrue(w.command().stream().noneMatch(a -> a.contains("sh -c")));
    }
}
