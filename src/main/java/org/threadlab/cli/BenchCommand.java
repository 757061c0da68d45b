package org.threadlab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.threadlab.bench.Bench;
import org.threadlab.bench.BenchContext;
import org.threadlab.bench.BenchReport;
import org.threadlab.bench.BenchRow;
import org.threadlab.bench.Figure;
import org.threadlab.bench.Figures;
import org.threadlab.bench.Outcome;
import org.threadlab.bench.References;
import org.threadlab.lab.SamplerBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code threadlab bench}: every figure of threadlab's own costs against its reference, as a table or JSON; subcommands for one figure in detail. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure threadlab's own costs against htop, top and python3.",
                "",
                "Without a subcommand it measures every figure of docs/PERFORMANCE.md and prints a table: figure, "
                        + "reference, ratio, target, pass or fail. It installs nothing: a reference that is not on the PATH "
                        + "is named, and its ratio skipped. Exit code 0 when every measured figure met its target, "
                        + "1 when one did not, 2 for bad usage. For example: threadlab bench --only sampler,spawn --json",
                ""},
        subcommands = {BenchCommand.SamplerCost.class, BenchCommand.ChildStartup.class, BenchCommand.RecordCost.class})
public final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--only", paramLabel = "ID", split = ",", description = "measure only these figures (see --list)")
    List<String> only;

    @Option(names = "--quick", description = "the smallest run that still takes every step: checks the bench, the figures mean little")
    boolean quick;

    @Option(names = "--json", description = "print the rows as JSON instead of a table")
    boolean json;

    @Option(names = "--list", description = "list the figures and exit")
    boolean list;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Figure> figures = Figures.all();
        if (list) {
            for (Figure f : figures) {
                out.println(String.format(Locale.ROOT, "%-10s %s", f.id(), f.summary()));
            }
            out.flush();
            return 0;
        }
        if (only != null) {
            List<Figure> chosen = new ArrayList<>();
            for (String id : only) {
                Figure f = figures.stream().filter(x -> x.id().equals(id.trim())).findFirst().orElse(null);
                if (f == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--only: no figure called '" + id.trim()
                            + "' (figures: " + String.join(", ", figures.stream().map(Figure::id).toList()) + ")");
                }
                if (!chosen.contains(f)) {
                    chosen.add(f);
                }
            }
            figures = chosen;
        }
        List<BenchRow> rows;
        try (Terminal.ProgressLine progress = new Terminal.ProgressLine(System.err, json)) {
            rows = Bench.run(figures, new BenchContext(References.fromEnvironment(), quick, progress::show));
        }
        out.print(json ? BenchReport.json(rows, BenchReport.machine()) + "\n" : BenchReport.table(rows));
        out.flush();
        return rows.stream().anyMatch(r -> r.outcome() == Outcome.FAIL) ? 1 : 0;
    }

    /** {@code threadlab bench sampler}: one sampler tick against one top refresh, on the same target. */
    @Command(name = "sampler", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Compare the CPU cost of one sampler tick with one refresh of top, on the same process.",
                    "",
                    "It starts a JVM with N sleeping threads, measures the CPU cost of one sampler tick watching it, "
                            + "then what 'top -b -H -p PID' spends per refresh on the same process, and prints the ratio. Both in "
                            + "steady state (" + SamplerBench.WARM_UP + " ticks and refreshes first, not measured), in CPU "
                            + "nanoseconds (top's from its threads' schedstat), in alternating blocks of 10 ticks (one block below 20).",
                    ""},
            footer = {"", "Example:", "  threadlab bench sampler --threads 1000 --ticks 20"})
    static final class SamplerCost implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--threads", paramLabel = "N", defaultValue = "1000", description = "sleeping threads in the target (default: ${DEFAULT-VALUE})")
        int threads;

        @Option(names = "--ticks", paramLabel = "K", defaultValue = "20", description = "measured ticks, and top refreshes (default: ${DEFAULT-VALUE})")
        int ticks;

        @Option(names = "--delay", paramLabel = "DURATION", defaultValue = "200ms", converter = Converters.DurationConverter.class,
                description = "pause between ticks and between top's refreshes (default: ${DEFAULT-VALUE})")
        Duration delay;

        @Override
        public Integer call() throws Exception {
            Converters.positive(spec, "--threads", threads, 20_000);
            Converters.positive(spec, "--ticks", ticks, 10_000);
            Converters.positive(spec, "--delay", delay);
            PrintWriter out = spec.commandLine().getOut();
            SamplerBench.Result r;
            try (Terminal.ProgressLine progress = new Terminal.ProgressLine(System.err, false)) {
                progress.show("bench sampler: " + threads + " threads, " + ticks + " ticks, then top…");
                r = SamplerBench.run(threads, ticks, delay, References.fromEnvironment().find("top").orElse(null),
                        Math.max(1, ticks / 10));
            }
            out.println("target   pid " + r.targetPid() + ", " + r.targetThreads() + " threads: "
                    + String.join(" ", SamplerBench.targetCommand(threads)).replace(System.getProperty("java.class.path"), "<classpath>"));
            out.println(String.format(Locale.ROOT, "sampler  %d ticks: cpu mean %.2f ms, median %.2f ms; wall mean %.2f ms, median %.2f ms",
                    r.ticks(), r.meanCpuMs(), r.medianCpuMs(), r.meanWallMs(), r.medianWallMs()));
            if (r.topCommand() == null) {
                out.println("top      not found: no reference in this run");
                out.flush();
                return 0;
            }
            out.println(String.format(Locale.ROOT, "top      %s: cpu %.2f ms per refresh (%d refreshes after %d, schedstat)",
                    r.topCommand(), r.topCpuMsPerRefresh(), r.topRefreshes(), SamplerBench.WARM_UP));
            out.println(String.format(Locale.ROOT, "ratio    sampler tick / top refresh = %.2f (target: at most 0.50) %s",
                    r.ratio(), r.ratio() <= 0.5 ? "ok" : "OVER TARGET"));
            out.flush();
            return 0;
        }
    }

    /** {@code threadlab bench record} (issue 10): the model thread's tick with and without a recorder, and the bytes an hour takes. */
    @Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"What --record costs: the model tick with a recorder listening against without, in turns in one run, "
                    + "the writer thread's CPU per model, and the bytes of an hour at the --delay interval, with 0, 10 and 100 workers.",
                    ""},
            footer = {"", "Example:", "  threadlab bench record --ticks 20"})
    static final class RecordCost implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--ticks", paramLabel = "K", defaultValue = "20", description = "ticks each way per worker count (default: ${DEFAULT-VALUE})")
        int ticks;

        @Option(names = "--delay", paramLabel = "DURATION", defaultValue = "1s", converter = Converters.DurationConverter.class,
                description = "pause between ticks: the interval the bytes are for (default: ${DEFAULT-VALUE})")
        Duration delay;

        @Override
        public Integer call() throws Exception {
            Converters.positive(spec, "--ticks", ticks, 10_000);
            Converters.positive(spec, "--delay", delay);
            PrintWriter out = spec.commandLine().getOut();
            out.println("workers  tick off ms  tick on ms  ratio  encode ms  first model  later model  an hour       dropped");
            for (int workers : new int[] {0, 10, 100}) {
                org.threadlab.record.RecordBench.Result r;
                try (Terminal.ProgressLine progress = new Terminal.ProgressLine(System.err, false)) {
                    progress.show("bench record: " + workers + " workers, " + ticks + " ticks each way…");
                    r = org.threadlab.record.RecordBench.run(workers, ticks, delay);
                }
                out.println(String.format(Locale.ROOT, "%7d  %11.3f  %10.3f  %5.2f  %9.3f  %11s  %11s  %13s  %7d", workers,
                        r.tickCpuMsOff(), r.tickCpuMsOn(), r.ratio(), r.encodeCpuMs(), org.threadlab.text.Sizes.compact(r.firstModelBytes()),
                        org.threadlab.text.Sizes.compact(Math.round(r.bytesPerModel())),
                        org.threadlab.text.Sizes.compact(Math.round(r.bytesPerHour(delay))), r.dropped()));
                out.flush();
            }
            return 0;
        }
    }

    /** {@code threadlab bench child}: how long a child worker takes to say hello, against an empty JVM. */
    @Command(name = "child", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Compare how long a child worker takes to start with an empty JVM.",
                    "",
                    "It starts child workers and empty JVMs alternately, and compares the time from start() to the "
                            + "child's hello line with the time an empty main takes to print one line (same java and GC, threadlab's "
                            + "full class path and no archive: how children started before their thin jar and archive).",
                    ""},
            footer = {"", "Example:", "  threadlab bench child --rounds 20"})
    static final class ChildStartup implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--rounds", paramLabel = "N", defaultValue = "15", description = "pairs of starts (default: ${DEFAULT-VALUE})")
        int rounds;

        @Override
        public Integer call() throws Exception {
            Converters.positive(spec, "--rounds", rounds, 1000);
            org.threadlab.lab.ChildStartupBench.Result r;
            try (Terminal.ProgressLine progress = new Terminal.ProgressLine(System.err, false)) {
                progress.show("bench child: " + rounds + " child workers and " + rounds + " empty JVMs…");
                r = org.threadlab.lab.ChildStartupBench.run(rounds);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(String.format(Locale.ROOT, "child worker hello  median %.1f ms over %d starts", r.childMedianMs(), r.rounds()));
            out.println(String.format(Locale.ROOT, "empty JVM main      median %.1f ms over %d starts", r.emptyMedianMs(), r.rounds()));
            out.println(String.format(Locale.ROOT, "ratio               %.2f", r.ratio()));
            out.println("child started from  " + r.childSetup());
            out.flush();
            return 0;
        }
    }
}
