package org.threadlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.threadlab.work.Param;
import org.threadlab.work.WorkloadType;
import org.threadlab.work.Workloads;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code threadlab workloads}: every workload, its parameters and where it runs, from the descriptors. */
@Command(name = "workloads", mixinStandardHelpOptions = true,
        description = "List the workloads, their parameters (run's options) with defaults and ranges, and where each may run.",
        footer = {"", "Examples:", "  threadlab workloads", "  threadlab workloads --markdown    # the README's table"})
public final class WorkloadsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--markdown", description = "print the table the README shows")
    boolean markdown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(markdown ? markdown() : text());
        out.flush();
        return 0;
    }

    /** One block per workload: its line of description, where it runs, then a line per parameter. */
    static String text() {
        StringBuilder sb = new StringBuilder();
        for (WorkloadType t : Workloads.types()) {
            sb.append(t.name()).append(" - ").append(t.summary()).append(" (runs as ").append(t.runsAs()).append(")\n");
            for (Param<?> p : t.params()) {
                if (!p.internal()) {
                    String label = p.label().isEmpty() ? "" : "=" + p.label();
                    // a flag takes no value on run (--stubborn=false is refused): no "(true or false)", as run --help
                    String about = p.kind() == Param.Kind.FLAG ? "" : " (" + p.about() + ")";
                    sb.append(String.format("    %-22s %s%s%n", p.option() + label, p.help(), about));
                }
            }
        }
        return sb.toString();
    }

    /** The README's workload table: written from the descriptors, checked against the README by a test. */
    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| workload | runs as | parameters (run options, defaults) | what it shows |\n");
        sb.append("| --- | --- | --- | --- |\n");
        for (WorkloadType t : Workloads.types()) {
            List<String> params = new ArrayList<>();
            for (Param<?> p : t.params()) {
                if (p.internal()) {
                    continue;
                }
                String option = "`" + p.option() + switch (p.kind()) {
                    case FLAG -> "";
                    case CHOICE -> " " + p.range();
                    default -> " " + p.label();
                } + "`";
                String def = p.kind() == Param.Kind.FLAG ? "" : p.shown() == null ? " (required)" : " (" + p.shown() + ")";
                params.add(option + def + ": " + p.help());
            }
            sb.append("| `").append(t.name()).append("` | ").append(t.runsAs()).append(" | ")
                    .append(cell(String.join("; ", params))).append(" | ").append(cell(t.shows())).append(" |\n");
        }
        return sb.toString();
    }

    /** A table cell: a '|' inside it is escaped, so it does not start a new column. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
