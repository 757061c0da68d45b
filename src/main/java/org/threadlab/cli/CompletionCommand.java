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
 * from the descriptors, as {@code run} accepts them; {@code lesson} completing lesson files as well as
 * the built-in names; and positionals counted by exact option names (picocli's regex took a value
 * for an option).
 */
@Command(name = "generate-completion", mixinStandardHelpOptions = true,
        description = {"Generate bash/zsh completion script for threadlab.",
                "Run the following command to give `threadlab` TAB completion in the current shell:", "",
                "  source <(threadlab generate-completion)", "",
                "For every new bash (with the bash-completion package):", "",
                "  d=~/.local/share/bash-completion/completions",
                "  mkdir -p \"$d\" && threadlab generate-completion > \"$d/threadlab\"", "",
                "or the source line in ~/.bashrc; in zsh, the source line in ~/.zshrc.", ""})
public final class CompletionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.parent().commandLine();
        String script = exactPositionals(lessonFiles(narrowRun(AutoComplete.bash(spec.parent().name(), root))));
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

    /**
     * lesson's NAME|FILE completes the built-in names (picocli's candidates) and, as a path, directories
     * and lesson files (*.yaml, *.yml): picocli offers either candidates or files, never both.
     */
    static String lessonFiles(String script) {
        int fn = script.indexOf("function _picocli_threadlab_lesson()");
        String candidates = "      positionals=$( compReplyArray \"${NAMEFILE_pos_param_args[@]}\" )\n";
        int pos = script.indexOf(candidates, fn);
        String reply = "    COMPREPLY=( $(compgen -W \"${commands// /$'\\n'}${IFS}${positionals}\" -- \"${curr_word}\") )\n";
        int end = script.indexOf(reply, pos);
        int next = script.indexOf("\n}\n", fn);
        if (fn < 0 || pos < 0 || end < 0 || end > next) {
            throw new IllegalStateException("picocli's completion script has changed: no positional candidates in _picocli_threadlab_lesson");
        }
        String files = "      local tl_files=1\n";
        String more = "    if [[ -n ${tl_files:-} ]]; then\n"
                + "      type compopt &>/dev/null && compopt -o filenames\n"
                + "      COMPREPLY+=( $(compgen -d -- \"${curr_word}\") $(compgen -f -X '!*.yaml' -- \"${curr_word}\") "
                + "$(compgen -f -X '!*.yml' -- \"${curr_word}\") )\n"
                + "    fi\n";
        int afterCandidates = pos + candidates.length();
        int afterReply = end + reply.length();
        return script.substring(0, afterCandidates) + files + script.substring(afterCandidates, afterReply) + more
                + script.substring(afterReply);
    }

    /**
     * picocli's currentPositionalIndex tells an option from a positional by a regex match of the word
     * in the option list, so a value that is part of an option's name counts as one: "run --as process "
     * matched '--max-processes', and the workload (the next positional) was not offered. Same counting,
     * but a word is an option only when it is one of the list's quoted words exactly, and an option
     * given with = (--as=process) is no positional either.
     */
    static String exactPositionals(String script) {
        String head = "function currentPositionalIndex() {\n";
        int fn = script.indexOf(head);
        int end = script.indexOf("\n}\n", fn);
        if (fn < 0 || end < 0 || !script.substring(fn, end).contains("=~ ${previousWord}")) {
            throw new IllegalStateException("picocli's completion script has changed: no currentPositionalIndex as expected");
        }
        String body = String.join("\n",
                "  local commandName=\"$1\"",
                "  local optionsWithArgs=\" $2 \"",
                "  local booleanOptions=\" $3 \"",
                "  local previousWord",
                "  local result=0",
                "",
                "  # the lists hold quoted names ('--as' '--count'): a word is an option only when it is one of them exactly",
                "  for i in $(seq $((COMP_CWORD - 1)) -1 0); do",
                "    previousWord=${COMP_WORDS[i]}",
                "    if [ \"${previousWord}\" = \"$commandName\" ]; then",
                "      break",
                "    fi",
                "    if [[ \"${optionsWithArgs}\" == *\" '${previousWord}' \"* ]]; then",
                "      ((result-=2)) # Arg option and its value not counted as positional param",
                "    elif [[ \"${booleanOptions}\" == *\" '${previousWord}' \"* ]]; then",
                "      ((result-=1)) # Flag option itself not counted as positional param",
                "    elif [[ \"${previousWord}\" == \"=\" || \"${previousWord}\" == -*=* ]]; then",
                "      ((result-=1)) # --as=process: bash splits it at the = (the option then counts as above), zsh does not",
                "    fi",
                "    ((result++))",
                "  done",
                "  echo \"$result\"");
        return script.substring(0, fn + head.length()) + body + script.substring(end);
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
