package org.threadlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.threadlab.work.Param;
import org.threadlab.work.WorkloadType;
import org.threadlab.work.Workloads;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code threadlab generate-completion}: picocli's bash/zsh script, with {@code run} completing only
 * the options of the workload already named ({@code run sleep --} offers --duration, not --units),
 * from the descriptors, as {@code run} accepts them.
 */
@Command(name = "generate-completion", mixinStandardHelpOptions = true,
        description = {"Generate bash/zsh completion script for threadlab.",
                "Run the following command to give `threadlab` TAB completion in the current shell:", "",
                "  source <(threadlab generate-completion)", ""})
public final class CompletionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.parent().commandLine();
        String script = narrowRun(AutoComplete.bash(spec.parent().name(), root));
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The run function's option lists, after them a loop that keeps the named workload's own. */
    static String narrowRun(String script) {
        int fn = script.indexOf("function _picocli_threadlab_run()");
        int flags = script.indexOf("  local flag_opts=\"", fn);
        int args = script.indexOf("  local arg_opts=\"", fn);
        int end = script.indexOf('\n', args);
        if (fn < 0 || flags < 0 || args < 0 || end < 0) {
            throw new IllegalStateException("picocli's completion script has changed: no option lists in _picocli_threadlab_run");
        }
        Map<String, List<WorkloadOptions.Owner>> byOption = WorkloadOptions.byOption(Workloads.types());
        String commonFlags = without(script.substring(flags, script.indexOf('\n', flags)), byOption);
        String commonArgs = without(script.substring(args, end), byOption);
        StringBuilder loop = new StringBuilder();
        loop.append("\n  # only the options of the workload named (a word after run that is not an option's value)\n");
        loop.append("  local tl_i tl_word tl_prev=\"\"\n");
        loop.append("  for ((tl_i = 2; tl_i < COMP_CWORD; tl_i++)); do\n");
        loop.append("    tl_word=${COMP_WORDS[tl_i]}\n");
        loop.append("    case \" ${arg_opts} \" in *\" '${tl_prev}' \"*) tl_prev=$tl_word; continue;; esac\n");
        loop.append("    case $tl_word in\n");
        for (WorkloadType t : Workloads.types()) {
            List<String> f = new ArrayList<>();
            List<String> a = new ArrayList<>();
            for (Param<?> p : t.params()) {
                if (!p.internal()) {
                    (p.kind() == Param.Kind.FLAG ? f : a).add("'" + p.option() + "'");
                }
            }
            loop.append("      '").append(t.name()).append("') flag_opts=\"").append(join(commonFlags, f))
                    .append("\"; arg_opts=\"").append(join(commonArgs, a)).append("\";;\n");
        }
        loop.append("    esac\n");
        loop.append("    tl_prev=$tl_word\n");
        loop.append("  done\n");
        return script.substring(0, end + 1) + loop.substring(1) + script.substring(end + 1);
    }

    /** The quoted options of a "local x_opts=..." line, less the workload ones. */
    private static String without(String line, Map<String, List<WorkloadOptions.Owner>> workloadOptions) {
        String list = line.substring(line.indexOf('"') + 1, line.lastIndexOf('"'));
        List<String> keep = new ArrayList<>();
        for (String quoted : list.split(" ")) {
            if (!quoted.isEmpty() && !workloadOptions.containsKey(quoted.replace("'", ""))) {
                keep.add(quoted);
            }
        }
        return String.join(" ", keep);
    }

    private static String join(String common, List<String> own) {
        return own.isEmpty() ? common : common + " " + String.join(" ", own);
    }
}
