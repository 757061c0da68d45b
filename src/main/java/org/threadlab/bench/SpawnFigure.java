package org.threadlab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.threadlab.text.Stats;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.child.ChildJvm;

/**
 * A process worker ready (Supervisor spawn -> the child's hello) against Python's multiprocessing
 * with the {@code spawn} start method (Process.start() -> the child's first message on a Pipe),
 * one of each in turn in the same run, both parents already running (issue 13: <= 1.0x).
 */
public final class SpawnFigure implements Figure {
    /** The reference: one spawn per line read, its milliseconds printed back; the child sends one message and ends. */
    static final String PYTHON = String.join("\n",
            "import multiprocessing as mp, sys, time",
            "def child(conn):",
            "    conn.send('hello')",
            "    conn.close()",
            "if __name__ == '__main__':",
            "    ctx = mp.get_context('spawn')",
            "    for line in sys.stdin:",
            "        r, w = ctx.Pipe(duplex=False)",
            "        t0 = time.perf_counter()",
            "        p = ctx.Process(target=child, args=(w,))",
            "        p.start()",
            // the child holds the only writing end now: should it die, recv() ends in EOFError, not a hang
            "        w.close()",
            "        r.recv()",
            "        ms = (time.perf_counter() - t0) * 1000",
            "        p.join()",
            "        r.close()",
            "        print('%.3f' % ms, flush=True)",
            "");
    private static final long HELLO_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    @Override
    public String id() {
        return "spawn";
    }

    @Override
    public String summary() {
        return "process worker ready (spawn -> hello), against python3 multiprocessing spawn (start() -> first message)";
    }

    @Override
    public List<BenchRow> measure(BenchContext context) throws Exception {
        int rounds = context.quick() ? 3 : 31;
        // a warm start is what is measured: the thin jar and archive are made once per jar and java
        context.say("bench spawn: the child's archive…");
        ChildJvm.forThisJvm().prepare(180_000);
        String setup = ChildJvm.forThisJvm().setup().describe();
        Optional<Path> python = context.references().find("python3");
        double[] ours = new double[rounds];
        double[] theirs = new double[rounds];
        Path script = null;
        Process py = null;
        try (Supervisor supervisor = new Supervisor()) {
            BufferedReader pyOut = null;
            OutputStream pyIn = null;
            if (python.isPresent()) {
                script = Files.createTempFile("threadlab-spawn", ".py");
                Files.writeString(script, PYTHON, StandardCharsets.UTF_8);
                py = new ProcessBuilder(python.get().toString(), "-u", script.toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                pyOut = new BufferedReader(new InputStreamReader(py.getInputStream(), StandardCharsets.US_ASCII));
                pyIn = py.getOutputStream();
            }
            // one of each first, unmeasured: the page cache, Python's imports, this JVM's spawn path
            readyMillis(supervisor);
            if (py != null) {
                pythonMillis(pyIn, pyOut);
            }
            for (int i = 0; i < rounds; i++) {
                context.say("bench spawn: round " + (i + 1) + " of " + rounds + "…");
                ours[i] = readyMillis(supervisor);
                if (py != null) {
                    theirs[i] = pythonMillis(pyIn, pyOut);
                }
            }
        } finally {
            if (py != null) {
                py.getOutputStream().close();
                if (!py.waitFor(10, TimeUnit.SECONDS)) {
                    py.destroyForcibly();
                }
            }
            if (script != null) {
                Files.deleteIfExists(script);
            }
        }
        BenchRow row = BenchRow.ratio("spawn", "process worker ready (spawn -> hello)", Amount.ms(Stats.median(ours)),
                "python3 multiprocessing spawn, start() -> first message",
                python.isPresent() ? Amount.ms(Stats.median(theirs)) : null, 1.0, References.missing("python3"));
        return List.of(row.withNote("medians of " + rounds + ", alternating; the child started from " + setup));
    }

    /** Milliseconds from the spawn request to the child's hello (the worker's native thread id is known then). */
    static double readyMillis(Supervisor supervisor) throws IOException {
        long start = System.nanoTime();
        WorkerInfo w = supervisor.spawn(WorkerKind.PROCESS, WorkloadSpec.of("sleep").with("duration", "60s"), false);
        long elapsed;
        while (true) {
            Optional<WorkerInfo> now = supervisor.worker(w.id());
            elapsed = System.nanoTime() - start;
            if (now.isPresent() && now.get().tid() > 0) {
                break;
            }
            if (now.isEmpty() || !now.get().state().alive()) {
                throw new IOException("the process worker ended before its hello: " + now.map(WorkerInfo::stderrTail).orElse(List.of()));
            }
            if (elapsed > HELLO_TIMEOUT_NANOS) {
                throw new IOException("no hello from a process worker within 30 s");
            }
            // a tenth of a millisecond: the poll costs the child next to nothing, and adds at most this much
            LockSupport.parkNanos(100_000);
        }
        supervisor.kill(w.id()).join();
        return elapsed / 1e6;
    }

    private static double pythonMillis(OutputStream in, BufferedReader out) throws IOException {
        in.write('\n');
        in.flush();
        String line = out.readLine();
        if (line == null) {
            throw new IOException("python3's multiprocessing script ended early");
        }
        try {
            return Double.parseDouble(line.trim());
        } catch (NumberFormatException e) {
            throw new IOException("python3's multiprocessing script said: " + line);
        }
    }
}
