package org.threadlab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.threadlab.lab.Comparison;
import org.threadlab.text.Json;
import org.threadlab.text.Sizes;
import org.threadlab.text.Table;
import org.threadlab.work.CpuBurn;
import org.threadlab.work.Param;
import org.threadlab.work.SleepWork;
import org.threadlab.worker.Event;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code threadlab compare}: the classic threads-vs-processes experiment in one command. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "The classic experiment: the same work as threads, with the GIL, and as processes.",
                "",
                "It runs the work with 1 worker, N one after another, N threads (with and without the simulated GIL), "
                        + "N virtual threads (Java 21+) and N processes, and prints wall and CPU seconds, the speed-up "
                        + "against the sequential run, the peak RSS and OS threads of threadlab and its children, and a verdict.",
                ""},
        footer = {"", "Example:", "  threadlab compare --workers 4 --duration 1s --units 1",
                "",
                "Ctrl-C stops it: the rows measured so far are printed, marked incomplete, and the exit code is 130."})
public final class CompareCommand implements Callable<Integer> {

    enum Which { sleep, cpu, all }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-n", "--workers"}, paramLabel = "N", defaultValue = "4", description = "workers per run (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--workload", paramLabel = "WHICH", defaultValue = "all", description = "sleep, cpu or all (default: ${DEFAULT-VALUE})")
    Which which;

    // text, read with the sleep and cpu workloads' own parameters: the same checks and words as run's --duration and --units
    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "2s",
            description = "how long each sleep worker waits, at most 10m (default: ${DEFAULT-VALUE})")
    String sleepText;

    @Option(names = "--units", paramLabel = "UNITS", defaultValue = "1",
            description = "CPU work per cpu worker, in units of about 1s of one core, at most 600 (default: ${DEFAULT-VALUE})")
    String unitsText;

    /** Every run repeats the work five or six times: compare's own caps, below what one worker may be given. */
    private static final Param<Duration> SLEEP = SleepWork.DURATION.atMost(Duration.ofMinutes(10).toNanos());
    private static final Param<Double> UNITS = CpuBurn.UNITS.atMost(600);

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "no progress line on stderr")
    boolean quiet;

    // --record (issue 10): every run sampled every second, one after another in one file
    @CommandLine.Mixin
    RecordArgs record;

    @Override
    public Integer call() throws Exception {
        Converters.positive(spec, "--workers", workers, Comparison.MAX_WORKERS);
        Duration sleep = read(SLEEP, "--duration", sleepText);
        double units = read(UNITS, "--units", unitsText);
        List<String> workloads = which == Which.all ? List.of("sleep", "cpu") : List.of(which.name());
        Comparison.Result result;
        try (RecordArgs.Session recording = record.start(spec, "compare", RecordArgs.HEADLESS_INTERVAL);
             Terminal.ProgressLine progress = new Terminal.ProgressLine(System.err, quiet);
             CtrlC ctrlC = new CtrlC(Thread.currentThread())) {
            // a recording shows where each run begins: an event in the run's own supervisor, named as the progress line names it
            String[] run = {""};
            result = new Comparison(workers, workloads, sleep, units)
                    .watch(recording == null ? null : supervisor -> {
                        supervisor.events().publish(Event.Type.INFO, 0, run[0]);
                        return recording.watch(supervisor);
                    })
                    .run((what, i, total) -> {
                        run[0] = "compare run " + i + " of " + total + ": " + what;
                        progress.show("compare: " + what + " (" + i + " of " + total + ")…");
                    });
            if (!result.complete()) {
                progress.end();
            }
        } finally {
            // an interrupt that came after the last run must not stay set for whoever runs next
            Thread.interrupted();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.write(toJson(result)) + "\n" : render(result));
        out.flush();
        return result.complete() ? 0 : CtrlC.EXIT_INTERRUPTED;
    }

    /** A value read as the workload's parameter reads it; its error names the option ("--units must be a number, not 'abc'"). */
    private <T> T read(Param<T> param, String option, String text) {
        try {
            return param.parse(text);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new CommandLine.ParameterException(spec.commandLine(),
                    m.startsWith(param.name()) ? option + m.substring(param.name().length()) : option + ": " + m);
        }
    }

    static String render(Comparison.Result r) {
        Table t = new Table("workload", "mode", ">workers", ">wall s", ">cpu s", ">cores busy", ">speedup", ">peak rss", ">os threads", "");
        String last = null;
        for (Comparison.Row row : r.rows()) {
            t.row(row.workload().equals(last) ? "" : row.workload(), Comparison.label(row), row.workers(),
                    f2(row.wallSeconds()), f2(row.cpuSeconds()), f2(row.concurrency()),
                    Double.isNaN(row.speedup()) ? "-" : String.format(Locale.ROOT, "%.2fx", row.speedup()),
                    Sizes.compact(row.peakRssBytes()), row.peakThreads(), bar(row.speedup(), r.workers()));
            last = row.workload();
        }
        StringBuilder sb = new StringBuilder();
        sb.append(r.cores()).append(" cores, ").append(r.workers()).append(" workers per run; speedup is against the sequential run\n");
        if (!r.complete()) {
            sb.append(incomplete(r)).append('\n');
        }
        sb.append('\n');
        sb.append(t);
        sb.append('\n');
        for (String v : r.verdicts()) {
            sb.append(v).append('\n');
        }
        if (!r.complete()) {
            sb.append(incomplete(r)).append('\n');
        }
        return sb.toString();
    }

    private static String incomplete(Comparison.Result r) {
        return "INCOMPLETE: interrupted (Ctrl-C) after " + r.rows().size() + " of " + r.runsPlanned()
                + " runs; only these rows were measured";
    }

    /** A bar as long as the speed-up, so the lesson shows at a glance even without reading numbers. */
    private static String bar(double speedup, int workers) {
        if (Double.isNaN(speedup)) {
            return "";
        }
        int width = (int) Math.round(Math.min(speedup, Math.max(workers, 1)) * 4);
        return "#".repeat(Math.max(0, width));
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static Map<String, Object> toJson(Comparison.Result r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("cores", r.cores());
        root.put("workers", r.workers());
        List<Object> rows = new ArrayList<>();
        for (Comparison.Row row : r.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("workload", row.workload());
            m.put("mode", row.mode());
            m.put("kind", row.kind().label());
            m.put("workers", row.workers());
            m.put("gil", row.gil());
            m.put("wall_s", row.wallSeconds());
            m.put("cpu_s", row.cpuSeconds());
            m.put("cores_busy", row.concurrency());
            m.put("speedup", row.speedup());
            m.put("peak_rss_bytes", row.peakRssBytes());
            m.put("peak_threads", row.peakThreads());
            rows.add(m);
        }
        root.put("rows", rows);
        root.put("verdicts", r.verdicts());
        root.put("complete", r.complete());
        return root;
    }
}
