package org.threadlab.record;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.threadlab.model.ModelHub;
import org.threadlab.model.Snapshot;
import org.threadlab.sample.Sampler;
import org.threadlab.text.Stats;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerKind;

/**
 * What recording costs: the model thread's tick with a recorder listening against the same tick
 * without, taken in turns in the same run (machines are noisy: compare the ratio, not the times);
 * what the writer thread then spends encoding one model; and the bytes a model takes once the
 * file is under way, hence an hour at the default 1 s interval.
 */
public final class RecordBench {
    private static final int WARM_UP_TICKS = 5;

    private RecordBench() {}

    /**
     * @param tickCpuMsOff     the model thread's CPU per tick without a recorder (median)
     * @param tickCpuMsOn      the same with a recorder listening (median)
     * @param encodeCpuMs      the writer thread's CPU to encode one model (median), off the model thread
     * @param firstModelBytes  the first model of a file, written whole (histories, workers)
     * @param bytesPerModel    a later model (mean): what each tick adds
     * @param eventBytes       event lines, written once each, in the whole run
     */
    public record Result(int workers, int ticks, double tickCpuMsOff, double tickCpuMsOn, double encodeCpuMs,
                         long firstModelBytes, double bytesPerModel, long eventBytes, long dropped) {
        public double ratio() {
            return tickCpuMsOn / tickCpuMsOff;
        }

        /** An hour of models at {@code interval}, the first whole, the rest as deltas (events not counted). */
        public double bytesPerHour(Duration interval) {
            double models = 3_600_000.0 / interval.toMillis();
            return firstModelBytes + (models - 1) * bytesPerModel;
        }
    }

    /** The model thread's tick on demand, and the thread that builds the models (whose CPU a tick is measured in too). */
    record Ticker(ModelHub hub, long modelThreadId) implements AutoCloseable {
        Snapshot tick() {
            return hub.sampleNow();
        }

        @Override
        public void close() {
            hub.close();
        }
    }

    /** A hub that ticks when asked, on {@code supervisor}'s workers, {@code listener} listening. */
    static Ticker ticker(Supervisor supervisor, Consumer<Snapshot> listener) {
        Set<Long> before = modelThreads();
        ModelHub hub = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), supervisor);
        hub.onSnapshot(listener);
        Set<Long> now = modelThreads();
        now.removeAll(before);
        if (now.size() != 1) {
            hub.close();
            throw new IllegalStateException("cannot tell the model's thread among " + now);
        }
        return new Ticker(hub, now.iterator().next());
    }

    private static Set<Long> modelThreads() {
        Set<Long> ids = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("threadlab-model")) {
                ids.add(t.getId());
            }
        }
        return ids;
    }

    /** {@code workers} sleeping thread workers, {@code ticks} ticks each way, {@code delay} apart. */
    public static Result run(int workers, int ticks, Duration delay) throws IOException, InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Path file = Files.createTempFile("threadlab-bench", ".jsonl");
        List<Snapshot> recorded = new ArrayList<>();
        double[] off = new double[ticks];
        double[] on = new double[ticks];
        long dropped;
        try (Supervisor supervisor = new Supervisor(new Limits(64, Math.max(10_000, workers + 10), Duration.ofSeconds(1)), false)) {
            // a sleep moves its progress every hundredth of its duration: 100 s reports every second, as the
            // figures in PERFORMANCE.md assume (an hour's sleep reports every 36 s, and later models would
            // be smaller); longer only when the run itself is longer, so no worker ends during it
            long runSeconds = (2L * ticks + 10) * Math.max(1, delay.toMillis()) / 1000 + 1;
            String duration = Math.max(100, runSeconds * 2) + "s";
            for (int i = 0; i < workers; i++) {
                supervisor.spawn(WorkerKind.THREAD, WorkloadSpec.of("sleep").with("duration", duration), true);
            }
            AtomicBoolean recording = new AtomicBoolean();
            Recorder recorder = new Recorder(file, Long.MAX_VALUE, "bench", Duration.ofSeconds(1));
            // the listener stays; whether it hands the model to the recorder alternates tick by tick
            try (Ticker ticker = ticker(supervisor, s -> {
                if (recording.get()) {
                    recorder.accept(s);
                }
            })) {
                for (int i = 0; i < WARM_UP_TICKS; i++) {
                    ticker.tick();
                }
                for (int i = 0; i < 2 * ticks; i++) {
                    boolean withRecorder = i % 2 == 1;
                    recording.set(withRecorder);
                    Thread.sleep(delay.toMillis());
                    // a tick: the sampler's reads on this thread, the model's join (and its listeners) on the hub's
                    long c0 = mx.getCurrentThreadCpuTime();
                    long m0 = mx.getThreadCpuTime(ticker.modelThreadId());
                    Snapshot s = ticker.tick();
                    double ms = (mx.getCurrentThreadCpuTime() - c0 + mx.getThreadCpuTime(ticker.modelThreadId()) - m0) / 1e6;
                    // every model goes to the size figures: a recording has every tick, not every other
                    recorded.add(s);
                    if (withRecorder) {
                        on[i / 2] = ms;
                    } else {
                        off[i / 2] = ms;
                    }
                }
            }
            recorder.close();
            dropped = recorder.dropped();
            supervisor.shutdown(true);
        } finally {
            Files.deleteIfExists(file);
        }
        // the writer thread's share, measured apart: every tick's model through a fresh encoder
        Encoder encoder = new Encoder();
        double[] encode = new double[recorded.size()];
        long first = 0;
        long later = 0;
        long events = 0;
        for (int i = 0; i < recorded.size(); i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            byte[] lines = encoder.model(recorded.get(i));
            encode[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
            int modelStart = lastLineStart(lines);
            events += modelStart;
            if (i == 0) {
                first = lines.length - modelStart;
            } else {
                later += lines.length - modelStart;
            }
        }
        return new Result(workers, ticks, Stats.median(off), Stats.median(on), Stats.median(encode), first,
                recorded.size() > 1 ? (double) later / (recorded.size() - 1) : Double.NaN, events, dropped);
    }

    /** Where the model line starts: the event lines come before it. */
    private static int lastLineStart(byte[] lines) {
        for (int i = lines.length - 2; i >= 0; i--) {
            if (lines[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }
}
