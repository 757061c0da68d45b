package org.threadlab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.threadlab.lab.Outcomes;
import org.threadlab.lab.RoundsTable;
import org.threadlab.lab.RunSession;
import org.threadlab.model.Round;
import org.threadlab.model.SnapshotSource;
import org.threadlab.sample.Platform;
import org.threadlab.text.Durations;
import org.threadlab.text.Json;
import org.threadlab.text.Table;
import org.threadlab.text.Words;
import org.threadlab.work.TypedSpec;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.Event;
import org.threadlab.worker.SparePool;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.VirtualThreads;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code threadlab run}: N workers of one kind, events as they happen, then a summary. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = WorkloadOptions.class,
        // one array element per paragraph: picocli wraps each at the help width, a break inside one
        // would cut a sentence in two at 80 columns
        description = {
                "Run N workers of one workload to completion, printing events as they happen, then a summary.",
                "",
                // replaced by the workloads' list, written by WorkloadOptions from the descriptors
                WorkloadOptions.PLACEHOLDER,
                ""},
        footer = {"", "Examples:",
                "  threadlab run sleep --as thread --count 4",
                "  threadlab run cpu --as process --count 2 --units 2",
                "  threadlab run cpu --as thread --count 4 --gil",
                "  threadlab run sleep --count 2 --daemon --no-join      # daemons die with main",
                "  threadlab run pool --inputs 16 --pool-size 4 --pool process",
                "  threadlab run counter --as thread --count 4 --mode unsafe    # lost updates",
                "  threadlab run counter --as process --count 4 --memory shared --mode atomic",
                "  threadlab run exec --as process --cmd 'python3 demos/busy_threads.py 10'",
                "",
                "Exit codes: 0 every worker finished or was stopped as asked, 1 a worker failed, 2 bad usage, "
                        + "3 --timeout fired (what still ran was terminated), 130 interrupted (Ctrl-C)."})
public final class RunCommand implements Callable<Integer> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    /**
     * How often the model samples when nothing is recorded: the round's peaks need a tick while its
     * workers run, and a tick costs little (threadlab and its children only).
     */
    static final Duration ROUND_INTERVAL = Duration.ofMillis(500);
    /** A worker failed. */
    static final int EXIT_FAILED = 1;
    /** --timeout fired and what still ran was terminated: a script must be able to tell it from a finished run. */
    static final int EXIT_TIMED_OUT = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKLOAD", completionCandidates = WorkloadOptions.Names.class,
            description = "one of: ${COMPLETION-CANDIDATES}")
    String workload;

    @Option(names = "--as", paramLabel = "KIND", converter = Converters.KindConverter.class,
            description = "thread, virtual (Java 21+) or process (default: ${DEFAULT-VALUE})", defaultValue = "thread")
    WorkerKind kind;

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "1", description = "how many workers (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--daemon", description = "mark the workers daemon: they are killed when main ends")
    boolean daemon;

    @Option(names = "--no-join", description = "do not join the workers: main ends at once, daemons are killed, others waited for")
    boolean noJoin;

    @Option(names = "--gil", description = "switch the simulated GIL on")
    boolean gil;

    @Option(names = "--gil-interval", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "GIL switch interval (default: 5ms)")
    Duration gilInterval;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "terminate what still runs after this long")
    Duration timeout;

    @Option(names = "--max-processes", paramLabel = "N", description = "limit of live processes (default: ${DEFAULT-VALUE})", defaultValue = "64")
    int maxProcesses;

    @Option(names = "--max-threads", paramLabel = "N", description = "limit of live threads (default: ${DEFAULT-VALUE})", defaultValue = "10000")
    int maxThreads;

    @Option(names = "--grace", paramLabel = "DURATION", converter = Converters.DurationConverter.class, defaultValue = "2s",
            description = "time between SIGTERM and SIGKILL (default: ${DEFAULT-VALUE})")
    Duration grace;

    @Option(names = "--spares", paramLabel = "N", defaultValue = "0",
            description = "start N warm spare JVMs first (0 to 8) and wait until they are ready: process workers then start in them at once (default: ${DEFAULT-VALUE})")
    int spares;

    @Option(names = "--json", description = "print one JSON document at the end instead of text")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "print only the summary")
    boolean quiet;

    // --record (issue 10): the session sampled every second, as the screen would show it
    @CommandLine.Mixin
    RecordArgs record;

    /** Waits (at most a minute; Ctrl-C ends the wait, and the round then finds itself interrupted) until every spare is ready. */
    private void awaitSpares(Supervisor supervisor) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        try {
            while (supervisor.spares().stream().filter(SparePool.SpareInfo::ready).count() < spares && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        List<SparePool.SpareInfo> ready = supervisor.spares().stream().filter(SparePool.SpareInfo::ready).toList();
        StringBuilder pids = new StringBuilder();
        for (SparePool.SpareInfo s : ready) {
            pids.append(pids.length() == 0 ? "" : ", ").append("pid ").append(s.pid());
        }
        supervisor.events().publish(Event.Type.INFO, 0, Words.count(ready.size(), "warm spare") + " ready"
                + (ready.isEmpty() ? " (process workers start cold)" : " (" + pids + ")"));
    }

    @Override
    public Integer call() throws Exception {
        TypedSpec workloadSpec = WorkloadOptions.read(spec, workload);
        Converters.positive(spec, "--count", count, 1_000_000);
        Converters.positive(spec, "--timeout", timeout);
        // the bounds of Limits and of the GIL, checked here to name the option in the message
        Converters.positive(spec, "--max-processes", maxProcesses, 4096);
        Converters.positive(spec, "--max-threads", maxThreads, 1_000_000);
        Converters.between(spec, "--grace", grace, Duration.ZERO, Duration.ofMinutes(1));
        Converters.between(spec, "--gil-interval", gilInterval, Duration.ofNanos(1000), Duration.ofSeconds(10));
        if (spares < 0 || spares > SparePool.MAX) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--spares must be between 0 and " + SparePool.MAX
                    + " (each is a JVM of its own), not " + spares);
        }
        Limits limits = new Limits(maxProcesses, maxThreads, grace);
        if (kind == WorkerKind.VIRTUAL && !VirtualThreads.available()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--as virtual: " + VirtualThreads.unavailableReason());
        }
        String onlyProcess = workloadSpec.type().onlyAsProcess(workloadSpec);
        if (kind != WorkerKind.PROCESS && onlyProcess != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), onlyProcess + " (--as process)");
        }
        if (kind.inThisJvm() && count > limits.maxThreads()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count " + count + " is over the limit of "
                    + limits.maxThreads() + " live threads (--max-threads)");
        }
        // every process counts: a worker that is a process, and those a worker starts (a process pool, a queue's consumer)
        int each = Supervisor.processesNeeded(kind, workloadSpec);
        if ((long) count * each > limits.maxProcesses()) {
            throw new CommandLine.ParameterException(spec.commandLine(), each == 1
                    ? "--count " + count + " is over the limit of " + limits.maxProcesses() + " live processes (--max-processes)"
                    : "--count " + count + " needs " + (long) count * each + " processes (" + each + " for each " + workloadSpec.name()
                    + " worker, with " + workloadSpec.type().startedProcesses(each - (kind == WorkerKind.PROCESS ? 1 : 0)) + "), over the limit of "
                    + limits.maxProcesses() + " live processes (--max-processes)");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Event> events = new ArrayList<>();
        Consumer<Event> printer = e -> {
            synchronized (events) {
                events.add(e);
            }
            // a refusal ends the command with its own one-line error; printing it twice would only confuse
            if (!json && !quiet && e.type() != Event.Type.REFUSED) {
                out.println(LocalTime.ofInstant(e.at(), ZoneId.systemDefault()).format(CLOCK) + "  " + e.text());
                out.flush();
            }
        };
        RunSession.Summary summary;
        SnapshotSource source = null;
        // text mode prints events as they happen; with --json a progress line on stderr stands in for them
        try (Supervisor supervisor = new Supervisor(limits, gil, Platform.system()::availableMemoryBytes);
             RecordArgs.Session recording = record.start(spec, "run", RecordArgs.HEADLESS_INTERVAL);
             // always a model: it measures the round (others' cores, peaks); recorded with --record
             SnapshotSource model = recording == null ? UiCommand.openSource(supervisor, ROUND_INTERVAL)
                     : recording.watch(supervisor);
             Terminal.ProgressLine progress = new Terminal.ProgressLine(System.err, !json || quiet);
             ProgressTicker ticker = new ProgressTicker(supervisor, progress);
             // the terminal echoes ^C where the cursor is: the events that follow start on a line of their own
             CtrlC ctrlC = new CtrlC(Thread.currentThread(), () -> {
                 if (!json && !quiet && Terminal.isTerminal(1)) {
                     out.println();
                     out.flush();
                 }
             })) {
            if (gilInterval != null) {
                supervisor.gil().setSwitchInterval(gilInterval);
            }
            supervisor.events().subscribe(printer);
            Outcomes.watch(supervisor);
            source = model;
            if (spares > 0) {
                // before the round: its request finds them ready, as a class would after a while on the screen
                supervisor.keepSpares(spares);
                awaitSpares(supervisor);
            }
            summary = new RunSession(supervisor, kind, workloadSpec, count, daemon, !noJoin, timeout).run();
            if (summary.interrupted()) {
                ticker.close();
                progress.end();
            }
        } finally {
            Thread.interrupted();
        }
        // closed by now: its last tick covered the round's end, so the round's figures are final
        Round round = source == null || source.latest() == null || source.latest().rounds().isEmpty() ? null
                : source.latest().rounds().get(source.latest().rounds().size() - 1);
        if (json) {
            Map<String, Object> doc = toJson(workloadSpec.text(), summary, events);
            if (round != null) {
                doc.put("round", RoundsTable.json(round));
            }
            out.println(Json.write(doc));
        } else {
            out.println();
            out.print(table(summary));
            out.println("wall " + Durations.seconds(summary.wall()) + " for " + count + " " + kindNoun()
                    + (summary.timedOut() ? " (timed out after " + Durations.format(timeout) + ")" : "")
                    + (summary.interrupted() ? " (INCOMPLETE: interrupted by Ctrl-C; what still ran was stopped)" : ""));
            if (round != null) {
                for (String line : RoundsTable.summary(round)) {
                    out.println(line);
                }
            }
        }
        out.flush();
        return summary.interrupted() ? CtrlC.EXIT_INTERRUPTED : summary.anyFailed() ? EXIT_FAILED : summary.timedOut() ? EXIT_TIMED_OUT : 0;
    }

    /** Redraws "run: 2 of 4 running, 45% done" every 200 ms while the workers run. */
    private static final class ProgressTicker implements AutoCloseable {
        private final java.util.concurrent.ScheduledExecutorService timer =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "threadlab-progress");
                    t.setDaemon(true);
                    return t;
                });

        ProgressTicker(Supervisor supervisor, Terminal.ProgressLine line) {
            timer.scheduleAtFixedRate(() -> {
                // the processes a worker started (pool members) are part of that worker's progress
                List<WorkerInfo> all = supervisor.workers().stream().filter(w -> !w.isMember()).toList();
                long alive = all.stream().filter(w -> w.state().alive()).count();
                double done = all.stream().mapToDouble(w -> w.state().alive() ? w.progress() : 1).average().orElse(0);
                line.show(String.format(java.util.Locale.ROOT, "run: %d of %d running, %.0f%% done", alive, all.size(), done * 100));
            }, 1000, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    private String kindNoun() {
        return Words.noun(count, kind.noun());
    }

    private static Table table(RunSession.Summary s) {
        Table t = new Table(">id", "name", "kind", ">pid", ">tid", "d", "state", ">time", ">cpu", "result");
        for (WorkerInfo w : s.workers()) {
            t.row(w.id(), w.name(), w.kind(), w.pid(), w.tid() > 0 ? w.tid() : "-", w.daemon() ? "d" : ".", w.state().label(),
                    Durations.seconds(w.age(w.endedAt() != null ? w.endedAt() : java.time.Instant.now())),
                    w.cpuNanos() >= 0 ? Durations.seconds(Duration.ofNanos(w.cpuNanos())) : "-",
                    w.result() != null ? w.result() : w.reason() != null ? w.reason() : "");
        }
        return t;
    }

    private Map<String, Object> toJson(WorkloadSpec w, RunSession.Summary s, List<Event> events) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("workload", w.type());
        root.put("params", w.params().entrySet().stream().filter(e -> !e.getKey().startsWith("_"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
        root.put("kind", kind.label());
        root.put("count", count);
        root.put("daemon", daemon);
        root.put("gil", gil);
        root.put("wall_s", s.wall().toNanos() / 1e9);
        root.put("timed_out", s.timedOut());
        root.put("interrupted", s.interrupted());
        List<Object> ws = new ArrayList<>();
        for (WorkerInfo i : s.workers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.id());
            m.put("name", i.name());
            m.put("kind", i.kind().label());
            if (i.isMember()) {
                m.put("owner", i.owner());
            }
            m.put("pid", i.pid());
            m.put("tid", i.tid());
            m.put("daemon", i.daemon());
            m.put("state", i.state().label());
            m.put("reason", i.reason());
            m.put("result", i.result());
            m.put("exit_code", i.exitCode());
            m.put("wall_s", i.age(i.endedAt() != null ? i.endedAt() : java.time.Instant.now()).toNanos() / 1e9);
            m.put("cpu_s", i.cpuNanos() >= 0 ? i.cpuNanos() / 1e9 : null);
            ws.add(m);
        }
        root.put("workers", ws);
        List<Object> ev = new ArrayList<>();
        synchronized (events) {
            for (Event e : events) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("at", e.at().toString());
                m.put("type", e.type().label());
                m.put("worker", e.workerId());
                m.put("text", e.text());
                ev.add(m);
            }
        }
        root.put("events", ev);
        return root;
    }
}
