package org.threadlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.threadlab.lab.SharedStateDemo;
import org.threadlab.text.Json;
import org.threadlab.text.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code threadlab demo shared-state}: the shared-state lessons in one table. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a set of lessons headless and print their outcomes.",
                "",
                "shared-state: counters without and with a lock, in threads and in processes (plain and shared memory), "
                        + "a global list, and a producer/consumer queue.",
                ""},
        footer = {"", "Example:", "  threadlab demo shared-state --workers 4", "",
                "Ctrl-C stops it: the lessons finished so far are printed, marked incomplete, and the exit code is 130."})
public final class DemoCommand implements Callable<Integer> {
    enum Lesson { shared_state }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LESSON", description = "shared-state", converter = LessonConverter.class,
            completionCandidates = Names.class)
    Lesson lesson;

    /** The lessons as they are typed (shared-state), for completion: picocli would offer the constants' names. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Lesson.values()).map(l -> l.name().replace('_', '-')).iterator();
        }
    }

    @Option(names = {"-n", "--workers"}, paramLabel = "N", defaultValue = "4", description = "workers per lesson (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--increments", paramLabel = "M", defaultValue = "1000000", description = "counter increments per worker (default: ${DEFAULT-VALUE})")
    int increments;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "no progress line on stderr")
    boolean quiet;

    static final class LessonConverter implements CommandLine.ITypeConverter<Lesson> {
        @Override
        public Lesson convert(String value) {
            if (value.equals("shared-state")) {
                return Lesson.shared_state;
            }
            throw new CommandLine.TypeConversionException("unknown lesson '" + value + "' (there is: shared-state)");
        }
    }

    @Override
    public Integer call() throws Exception {
        Converters.positive(spec, "--workers", workers, 16);
        Converters.positive(spec, "--increments", increments, 100_000_000);
        SharedStateDemo.Result result;
        try (Terminal.ProgressLine progress = new Terminal.ProgressLine(System.err, quiet);
             CtrlC ctrlC = new CtrlC(Thread.currentThread())) {
            result = new SharedStateDemo(workers, increments)
                    .run((what, i, total) -> progress.show("demo: " + what + " (" + i + " of " + total + ")…"));
            if (!result.complete()) {
                progress.end(); // the ^C stays on the progress line; the rows start on a line of their own
            }
        } finally {
            // an interrupt that came after the last lesson must not stay set for whoever runs next
            Thread.interrupted();
        }
        List<SharedStateDemo.Row> rows = result.rows();
        PrintWriter out = spec.commandLine().getOut();
        String incomplete = "INCOMPLETE: interrupted (Ctrl-C) after " + rows.size() + " of " + result.planned()
                + " lessons; only these rows were measured";
        if (json) {
            List<Object> list = new ArrayList<>();
            for (SharedStateDemo.Row r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("lesson", r.lesson());
                m.put("workers", r.workers());
                m.put("memory", r.memory());
                m.put("mode", r.mode());
                m.put("expected", r.expected());
                m.put("actual", r.actual());
                m.put("lost", r.lost());
                m.put("verdict", r.verdict());
                list.add(m);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("rows", list);
            root.put("complete", result.complete());
            out.println(Json.write(root));
        } else {
            Table t = new Table("lesson", "workers", "memory", "mode", ">expected", ">parent sees", ">lost", "");
            for (SharedStateDemo.Row r : rows) {
                t.row(r.lesson(), r.workers(), r.memory(), r.mode(), r.expected(), r.actual(),
                        r.lesson().equals("counter") && r.memory().equals("shared") ? Long.toString(r.lost()) : "-", r.verdict());
            }
            out.print(t);
            if (!result.complete()) {
                out.println(incomplete);
            }
        }
        out.flush();
        return result.complete() ? 0 : CtrlC.EXIT_INTERRUPTED;
    }
}
