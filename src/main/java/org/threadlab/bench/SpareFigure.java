package org.threadlab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.threadlab.text.Stats;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.JoinResult;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.child.LineReader;
import org.threadlab.worker.child.LineWriter;

/**
 * A process worker handed to a warm spare, from the spawn request to the worker's hello, against
 * Python's warm start: {@code multiprocessing} with the forkserver already running, from
 * {@code Process.start()} to the child's first message on a Pipe (issue 13: <= 1.0x). Alternating,
 * one of each per round, each started with nothing else starting (the spare's replacement is ready
 * before either side is timed).
 */
public final class SpareFigure implements Figure {
    private static final String ID = "spare";
    private static final String FIGURE = "warm spare ready (spawn -> hello)";
    private static final String REFERENCE = "python3 multiprocessing forkserver, start() -> first Pipe message";
    /** How long a spare, or Python's answer, may take before the figure gives up (a busy machine is slow, not this slow). */
    private static final long WAIT_NANOS = 60_000_000_000L;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "a process worker handed to a warm spare (--spares), spawn -> hello, against Python's warm forkserver start";
    }

    @Override
    public List<BenchRow> measure(BenchContext context) throws Exception {
        int rounds = context.quick() ? 3 : 31;
        Optional<Path> python = context.references().find("python3");
        double[] spare = new double[rounds];
        double[] forkserver = new double[rounds];
        Path script = null;
        Process py = null;
        try (Supervisor supervisor = new Supervisor(Limits.DEFAULT, false)) {
            supervisor.keepSpares(1);
            LineReader fromPy = null;
            LineWriter toPy = null;
            if (python.isPresent()) {
                script = writeScript();
                py = new ProcessBuilder(python.get().toString(), script.toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                fromPy = new LineReader(py.getInputStream());
                toPy = new LineWriter(py.getOutputStream());
                expect("ready", fromPy.readLine());
            }
            for (int i = 0; i < rounds; i++) {
                context.say("bench spare: round " + (i + 1) + " of " + rounds + "…");
                awaitSpare(supervisor);
                if (toPy != null) {
                    toPy.write("go");
                    forkserver[i] = Double.parseDouble(expect(null, fromPy.readLine()));
                }
                awaitSpare(supervisor);
                spare[i] = handOverMillis(supervisor);
            }
        } finally {
            if (py != null) {
                py.getOutputStream().close();
                if (!py.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    py.destroyForcibly().waitFor();
                }
            }
            if (script != null) {
                Files.deleteIfExists(script);
            }
        }
        Amount reference = python.isPresent() ? Amount.ms(Stats.median(forkserver)) : null;
        BenchRow row = BenchRow.ratio(ID, FIGURE, Amount.ms(Stats.median(spare)), REFERENCE, reference, 1.0,
                References.missing("python3"));
        return List.of(row.withNote("median of " + rounds + ", alternating"));
    }

    /** One spawn handed to the ready spare: milliseconds from the request to the worker's hello. */
    private static double handOverMillis(Supervisor supervisor) throws Exception {
        long start = System.nanoTime();
        WorkerInfo w = supervisor.spawn(WorkerKind.PROCESS, WorkloadSpec.of("sleep").with("duration", "10ms"), false);
        long hello;
        while ((hello = supervisor.helloNanos(w.id())) == 0) {
            if (System.nanoTime() - start > WAIT_NANOS) {
                throw new IllegalStateException("the worker in the spare never said hello");
            }
            Thread.sleep(1);
        }
        if (!supervisor.ranInSpare(w.id())) {
            throw new IllegalStateException("the worker did not run in the spare");
        }
        JoinResult end = supervisor.join(w.id(), java.time.Duration.ofSeconds(30));
        if (end.timedOut()) {
            throw new IllegalStateException("the worker in the spare did not end");
        }
        return (hello - start) / 1e6;
    }

    /** Waits until the pool has a ready spare (its replacement, after a hand-over): not part of any timing. */
    private static void awaitSpare(Supervisor supervisor) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (supervisor.spares().stream().noneMatch(s -> s.ready())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no spare became ready within 60 s");
            }
            Thread.sleep(5);
        }
    }

    private static String expect(String word, String line) throws IOException {
        if (line == null || (word != null && !line.equals(word))) {
            throw new IOException("python3's forkserver script said " + (line == null ? "nothing" : "'" + line + "'"));
        }
        return line;
    }

    /** The Python side, from threadlab's jar to a temporary file: the forkserver imports its main module by path. */
    private static Path writeScript() throws IOException {
        Path file = Files.createTempFile("threadlab-forkserver-", ".py");
        try (InputStream in = SpareFigure.class.getResourceAsStream("forkserver_ready.py")) {
            if (in == null) {
                throw new IOException("forkserver_ready.py is missing from threadlab's jar");
            }
            Files.write(file, in.readAllBytes());
        }
        return file;
    }
}
