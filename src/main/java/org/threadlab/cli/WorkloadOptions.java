package org.threadlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.threadlab.work.Param;
import org.threadlab.work.TypedSpec;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.WorkloadType;
import org.threadlab.work.Workloads;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code run}'s workload options, made from the workload descriptors: one option per parameter
 * name (--units, --pool-size...), its help listing each workload that takes it with its default, its
 * completions the parameter's choices. Reading them back gives the spec, checked once, with errors in
 * the options' terms.
 */
public final class WorkloadOptions implements CommandLine.IModelTransformer {
    /** The paragraph of a command's description that becomes the list of workloads. */
    static final String PLACEHOLDER = "(workloads)";

    /** The workloads' names, for WORKLOAD's help and shell completion. */
    public static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Workloads.TYPES.iterator();
        }
    }

    /** Adds the options under a heading of their own, after the annotated ones. */
    @Override
    public CommandSpec transform(CommandSpec spec) {
        // "0..*", not "0..1": in a group that may match once, a repeated option is picocli's internal
        // "expected only one match but got [[--duration=DURATION] ...]"; read() refuses repeats in one line
        ArgGroupSpec.Builder group = ArgGroupSpec.builder().heading("%nWorkload parameters (each for the workloads it names):%n")
                .exclusive(false).multiplicity("0..*");
        for (Map.Entry<String, List<Owner>> e : byOption().entrySet()) {
            Param<?> first = e.getValue().get(0).param();
            // workloads whose parameter reads the same share one entry: "counter, global: which ... (default main)"
            Map<String, List<String>> help = new LinkedHashMap<>();
            for (Owner o : e.getValue()) {
                help.computeIfAbsent(help(o.param()), k -> new ArrayList<>()).add(o.type().name());
            }
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, List<String>> h : help.entrySet()) {
                parts.add(String.join(", ", h.getValue()) + ": " + h.getKey());
            }
            OptionSpec.Builder b = OptionSpec.builder(e.getKey()).description(String.join("; ", parts));
            if (first.kind() == Param.Kind.FLAG) {
                b.type(boolean.class).arity("0");
            } else {
                b.type(String.class).paramLabel(first.label());
                if (first.kind() == Param.Kind.CHOICE) {
                    b.completionCandidates(first.choices());
                }
            }
            group.addArg(b.build());
        }
        spec.addArgGroup(group.build());
        // each option once, so the synopsis shows the group once: "[[--duration=DURATION] ...]", not "[...]..."
        Map<String, CommandLine.IHelpSectionRenderer> sections = new LinkedHashMap<>(spec.usageMessage().sectionMap());
        CommandLine.IHelpSectionRenderer synopsis = sections.get(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS);
        if (synopsis != null) {
            sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS, help -> synopsis.render(help).replace("]]...", "]]"));
            spec.usageMessage().sectionMap(sections);
        }
        String[] description = spec.usageMessage().description().clone();
        for (int i = 0; i < description.length; i++) {
            if (description[i].equals(PLACEHOLDER)) {
                description[i] = list();
            }
        }
        spec.usageMessage().description(description);
        return spec;
    }

    /** A parameter's line of help with its values and default: "how each ... (unsafe|lock|atomic, default unsafe)". */
    static String help(Param<?> p) {
        return switch (p.kind()) {
            case FLAG -> p.help();
            case CHOICE -> p.help() + " (" + p.range() + ", default " + p.shown() + ")";
            default -> p.help() + (p.shown() == null ? " (required)" : " (default " + p.shown() + ")");
        };
    }

    /** "Workloads: sleep (waits like I/O), cpu (burns CPU), ...". */
    static String list() {
        List<String> each = new ArrayList<>();
        for (WorkloadType t : Workloads.types()) {
            each.add(t.name() + " (" + t.summary() + (t.runsAs().equals("process only") ? ", processes only" : "") + ")");
        }
        return "Workloads: " + String.join(", ", each) + ".";
    }

    /** A parameter and the workload it belongs to. */
    record Owner(WorkloadType type, Param<?> param) {}

    /** Every option and the parameters it sets, in the registry's order. */
    private static Map<String, List<Owner>> byOption() {
        return byOption(Workloads.types());
    }

    /**
     * Every option of these workloads and the parameters it sets. One option is one picocli option
     * of one type: two workloads may share it (--items) only with the same kind of value, else the
     * second would be parsed as the first's (a flag given a value, a duration completed with choices).
     */
    static Map<String, List<Owner>> byOption(List<WorkloadType> types) {
        Map<String, List<Owner>> out = new LinkedHashMap<>();
        for (WorkloadType t : types) {
            for (Param<?> p : t.params()) {
                if (!p.internal()) {
                    List<Owner> owners = out.computeIfAbsent(p.option(), k -> new ArrayList<>());
                    Owner first = owners.isEmpty() ? null : owners.get(0);
                    if (first != null && (first.param().kind() != p.kind() || !first.param().choices().equals(p.choices()))) {
                        throw new IllegalStateException(p.option() + " is " + first.param().kind() + " in workload " + first.type().name()
                                + " but " + p.kind() + " in " + t.name() + ": workloads share an option only with the same kind of value");
                    }
                    owners.add(new Owner(t, p));
                }
            }
        }
        return out;
    }

    /**
     * The workload as the options given say, read and checked: an option another workload takes, or
     * a bad value, is a ParameterException naming the option ("--pool-size must be at least 1").
     */
    static TypedSpec read(CommandSpec spec, String workload) {
        CommandLine cl = spec.commandLine();
        WorkloadType type;
        try {
            type = Workloads.type(workload);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        WorkloadSpec text = WorkloadSpec.of(type.name());
        Map<String, String> optionOf = new LinkedHashMap<>();
        for (String option : byOption().keySet()) {
            OptionSpec o = spec.findOption(option);
            if (o == null || cl.getParseResult() == null || !cl.getParseResult().hasMatchedOption(option)) {
                continue;
            }
            if (o.originalStringValues().size() > 1) {
                // picocli's words for a repeated --daemon, so every option says it alike
                throw new CommandLine.ParameterException(cl, "option '" + option + "' should be specified only once");
            }
            Param<?> p = paramFor(type, option);
            if (p == null) {
                List<String> takes = new ArrayList<>();
                for (Param<?> q : type.params()) {
                    if (!q.internal()) {
                        takes.add(q.option());
                    }
                }
                throw new CommandLine.ParameterException(cl, "workload " + type.name() + " takes no " + option
                        + " (it takes " + String.join(", ", takes) + ")");
            }
            Object v = o.getValue();
            text = text.with(p.name(), p.kind() == Param.Kind.FLAG ? String.valueOf(v) : (String) v);
            optionOf.put(p.name(), option);
        }
        try {
            return Workloads.parse(text);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            // the parameter's name at the start of the message becomes the option a user typed
            for (Param<?> p : type.params()) {
                if (!p.internal() && (m.startsWith(p.name() + " ") || m.startsWith(p.name() + ":"))) {
                    m = optionOf.getOrDefault(p.name(), p.option()) + m.substring(p.name().length());
                    break;
                }
            }
            // an example is written as the dialog takes it (cmd=python3 ...): say it as run takes it
            if (!type.example().isEmpty()) {
                List<String> options = new ArrayList<>();
                for (Map.Entry<String, String> ex : WorkloadSpec.parseParams(type.name(), type.example()).params().entrySet()) {
                    Param<?> p = type.param(ex.getKey());
                    options.add((p == null ? "--" + ex.getKey() : p.option()) + " '" + ex.getValue() + "'");
                }
                m = m.replace("(e.g. " + type.example() + ")", "(e.g. " + String.join(" ", options) + ")");
            }
            throw new CommandLine.ParameterException(cl, m);
        }
    }

    private static Param<?> paramFor(WorkloadType type, String option) {
        for (Param<?> p : type.params()) {
            if (option.equals(p.option())) {
                return p;
            }
        }
        return null;
    }
}
