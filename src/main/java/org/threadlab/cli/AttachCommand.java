package org.threadlab.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.threadlab.sample.Measurement;
import org.threadlab.sample.ProcessSample;
import org.threadlab.sample.Sampler;
import org.threadlab.sample.WatchList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code threadlab attach PID [PID...]}: the live screen, watching processes threadlab did not start.
 * Every PID is checked (a number, a live process, readable, not threadlab itself) before the
 * terminal is touched; then the screen opens as {@code ui} does, with them attached.
 */
@Command(name = "attach", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The live screen, watching processes threadlab did not start: each one in the processes table, "
                + "its threads (TIDs, names, states, CPU%%, last core) in the threads table and the timeline, as a worker's.",
                "",
                "They are never workers: k, K and F9 open the signal menu on one, which asks before it sends; j does not "
                        + "act on them. One that exits stays, dimmed, "
                        + "with its last figures until c clears it. The screen's keys are those of threadlab ui (? lists them).",
                ""},
        footer = {"", "Examples:",
                "  threadlab attach 1234",
                "  threadlab attach $(pgrep -n python3) --interval 500ms",
                "",
                "Exit codes: 0 the screen was quit; 2 a PID that is not a number, no process, cannot be read "
                        + "(another user's, where the system hides them) or is threadlab's own, or no terminal to draw on."})
public final class AttachCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PID", description = "a process to watch (one or more)")
    List<String> pids = new ArrayList<>();

    @CommandLine.Mixin
    UiArgs args;

    @CommandLine.Mixin
    RecordArgs record;

    @Override
    public Integer call() throws Exception {
        UiCommand.checkInterval(spec, args);
        UiCommand.checkSpares(spec, args);
        List<Long> parsed;
        try {
            parsed = parse(pids);
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
        String bad = unwatchable(parsed, ProcessHandle.current().pid(), probe(parsed));
        if (bad != null) {
            return refuse(bad);
        }
        return UiCommand.show(spec, args, record, "attach", null, parsed);
    }

    private int refuse(String message) {
        spec.commandLine().getErr().println("threadlab: " + message);
        spec.commandLine().getErr().flush();
        return spec.exitCodeOnInvalidInput();
    }

    /** The PIDs as numbers, each once, in the order given; IllegalArgumentException in the user's words. */
    static List<Long> parse(List<String> words) {
        Set<Long> out = new LinkedHashSet<>();
        for (String w : words) {
            String t = w.trim();
            long pid;
            try {
                pid = t.matches("\\d{1,18}") ? Long.parseLong(t) : -1;
            } catch (NumberFormatException e) {
                pid = -1;
            }
            if (pid < 0) {
                throw new IllegalArgumentException("'" + w + "' is not a PID: a process id is a whole number, as ps and pgrep print it");
            }
            out.add(pid);
        }
        return List.copyOf(out);
    }

    /** One reading of these processes, as {@code snapshot --pid} takes it (role "external"). */
    private static Measurement probe(List<Long> pids) {
        List<Long> readable = new ArrayList<>();
        for (long pid : pids) {
            if (pid > 0) {
                readable.add(pid);
            }
        }
        try (Sampler sampler = new Sampler(Duration.ofSeconds(1))) {
            sampler.watch(WatchList.pids(readable));
            return sampler.sampleNow();
        }
    }

    /**
     * Why one of these PIDs cannot be watched, in the user's words, or null when all can: zero, threadlab's
     * own, no process (or a zombie: it has exited), or one that could not be read (another user's process
     * where /proc is mounted with hidepid, or a platform that refuses).
     */
    static String unwatchable(List<Long> pids, long self, Measurement reading) {
        for (long pid : pids) {
            if (pid == 0) {
                return "no process has PID 0 (PIDs start at 1)";
            }
            if (pid == self) {
                return "PID " + pid + " is this threadlab itself: its own threads are always on the screen";
            }
            if (reading.failed()) {
                return "cannot read processes on this machine: " + reading.error();
            }
            ProcessSample p = reading.process(pid).orElse(null);
            if (p == null || (p.error() != null && p.error().startsWith("no process"))) {
                return "no process with PID " + pid + " (ps or pgrep list the running ones)";
            }
            if (p.error() != null) {
                return "cannot read process " + pid + " (" + p.error() + "): it may belong to another user";
            }
            if ("Z".equals(p.state()) || "X".equals(p.state())) {
                return "process " + pid + " (" + p.name() + ") has already exited (a zombie its parent has not reaped)";
            }
        }
        return null;
    }
}
