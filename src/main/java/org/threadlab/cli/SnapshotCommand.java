package org.threadlab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.threadlab.sample.CoreSample;
import org.threadlab.sample.DataSource;
import org.threadlab.sample.HostSample;
import org.threadlab.sample.Measurement;
import org.threadlab.sample.Platform;
import org.threadlab.sample.ProcessSample;
import org.threadlab.sample.Sampler;
import org.threadlab.sample.ThreadSample;
import org.threadlab.sample.WatchList;
import org.threadlab.text.Durations;
import org.threadlab.text.Json;
import org.threadlab.text.Sizes;
import org.threadlab.text.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code threadlab snapshot}: two samples a window apart, printed once. */
@Command(name = "snapshot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show cores, memory and any process's threads, measured over a window.",
                "",
                "Samples twice, a window apart, and prints the system line, per-core utilisation and, for each "
                        + "--pid (and with --self, threadlab's own JVM), the process and all its threads "
                        + "(CPU%% over the window; 100%% = one core)."},
        footer = {"", "Examples:",
                "  threadlab snapshot            (the system only: load, memory, cores)",
                "  threadlab snapshot --self     (also threadlab's own JVM and its threads)",
                "  threadlab snapshot --pid 1234 --window 2s",
                "  threadlab snapshot --pid 1234 --json",
                "",
                "Exit codes: 0 all measured; 1 a --pid exited during the window (the others are still "
                        + "reported, that one is marked); 2 bad usage or a --pid that cannot be read; 130 Ctrl-C "
                        + "before the window ended (nothing measured)."})
public final class SnapshotCommand implements Callable<Integer> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--pid", paramLabel = "PID", description = "a process to show with all its threads (repeatable; default: none, the system only)")
    List<Long> pids = new ArrayList<>();

    @Option(names = "--self", description = "also show threadlab's own JVM and its threads (a JVM has a few dozen)")
    boolean self;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "1s", converter = Converters.DurationConverter.class,
            description = "time between the two samples (default: ${DEFAULT-VALUE})")
    Duration window;

    @Option(names = "--source", paramLabel = "SOURCE", converter = Converters.SourceConverter.class,
            completionCandidates = Converters.SourceNames.class, defaultValue = "auto",
            description = "what reads the figures: oshi, proc (Linux's /proc by hand) or auto, the best here: proc on Linux, "
                    + "oshi elsewhere (default: ${DEFAULT-VALUE}); printed with them")
    DataSource source;

    @Option(names = "--json", description = "print one JSON document instead of tables")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "no progress line on stderr")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Converters.positive(spec, "--window", window);
        Measurement first;
        Measurement s;
        String sourceName;
        try (Sampler sampler = new Sampler(Platform.of(source), window.compareTo(Sampler.MIN_INTERVAL) < 0 ? Sampler.MIN_INTERVAL : window)) {
            sourceName = sampler.sourceName();
            sampler.watch(WatchList.pids(pids));
            first = sampler.sampleNow();
            String error = unreadable(first);
            if (error == null) {
                try (Terminal.ProgressLine progress = new Terminal.ProgressLine(System.err, quiet || window.toMillis() < 1000);
                     CtrlC ctrlC = new CtrlC(Thread.currentThread())) {
                    progress.show("snapshot: measuring over " + Durations.format(window) + "…");
                    // the window is from the first read to the second, however long the first took
                    long due = first.host().readNanos() + window.toNanos();
                    try {
                        for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    } catch (InterruptedException e) {
                        // one sample is no figure: say so on a line of its own (the ^C stays after the progress)
                        progress.end();
                        spec.commandLine().getErr().println("threadlab: interrupted (Ctrl-C) before the window ended: nothing was measured");
                        return CtrlC.EXIT_INTERRUPTED;
                    }
                }
                s = sampler.sampleNow();
                if (s.failed()) {
                    spec.commandLine().getErr().println("threadlab: cannot measure this machine: " + s.error());
                    return 1;
                }
            } else {
                s = null;
            }
            if (error != null) {
                spec.commandLine().getErr().println("threadlab: " + error);
                return spec.exitCodeOnInvalidInput();
            }
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("threadlab: " + e.getMessage());
            return spec.exitCodeOnInvalidInput();
        }
        List<ProcessSample> shown = new ArrayList<>();
        boolean lost = false;
        for (ProcessSample p : s.processes()) {
            if (pids.contains(p.pid()) || (self && p.pid() == s.selfPid())) {
                ProcessSample before = first.process(p.pid()).orElse(null);
                String gone = lostDuringTheWindow(before, p);
                lost |= gone != null;
                shown.add(gone == null ? p : lost(before, gone));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.write(toJson(s, shown, sourceName)) + "\n" : text(s, shown, sourceName));
        out.flush();
        // measured, but not all that was asked for: a script can tell (the output says which)
        return lost ? 1 : 0;
    }

    /** Why a process read at the start of the window has no figures at its end; null when it has. */
    private static String lostDuringTheWindow(ProcessSample before, ProcessSample after) {
        if (before == null || before.error() != null) {
            return null;
        }
        if (after.error() != null) {
            return after.error().startsWith("no process") ? "exited during the window"
                    : "could not be read at the end of the window: " + after.error();
        }
        if (before.startTime() != null && !before.startTime().equals(after.startTime())) {
            return "exited during the window (its PID now belongs to another process)";
        }
        return null;
    }

    /** What is known of a process that did not last the window: who it was, and why there are no figures. */
    private static ProcessSample lost(ProcessSample before, String why) {
        java.time.Duration unknown = java.time.Duration.ofSeconds(-1);
        return new ProcessSample(before.pid(), before.ppid(), before.name(), "?", Double.NaN, unknown, unknown, -1, -1,
                -1, before.startTime(), before.role(), List.of(), why, null);
    }

    private String unreadable(Measurement s) {
        if (s.failed()) {
            return "cannot measure this machine: " + s.error();
        }
        for (long pid : pids) {
            ProcessSample p = s.process(pid).orElse(null);
            if (p != null && p.error() != null) {
                return "cannot read process " + pid + ": " + p.error();
            }
        }
        return null;
    }

    private String text(Measurement s, List<ProcessSample> shown, String sourceName) {
        HostSample h = s.host();
        double[] load = h.load();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s  up %s  load %.2f %.2f %.2f  mem %s/%s  swap %s/%s  window %s  source %s%n",
                h.hostName(), Durations.uptime(h.uptime()), load[0], load[1], load[2], Sizes.compact(h.memoryUsedBytes()),
                Sizes.compact(h.memoryTotalBytes()), Sizes.compact(h.swapUsedBytes()), Sizes.compact(h.swapTotalBytes()),
                Durations.seconds(measured(s)), sourceName));
        Table cores = new Table("core", ">util", ">user", ">system", ">iowait", ">idle");
        for (CoreSample c : h.cores()) {
            coreRow(cores, "cpu" + c.id(), c);
        }
        coreRow(cores, "all", h.total());
        sb.append(cores);
        for (ProcessSample p : shown) {
            if (p.error() != null) {
                sb.append(String.format(Locale.ROOT, "%npid %d (%s)  ppid %d  %s%n", p.pid(), p.name(), p.ppid(), p.error()));
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%npid %d (%s)  ppid %d  state %s  cpu %s  rss %s  virt %s  threads %d  user %s  system %s  started %s%n",
                    p.pid(), p.name(), p.ppid(), p.state(), percent(p.cpuPercent()), Sizes.compact(p.rssBytes()),
                    Sizes.compact(p.virtualBytes()), p.threadCount(), Durations.seconds(p.userTime()),
                    Durations.seconds(p.systemTime()), p.startTime() == null ? "?"
                            : LocalTime.ofInstant(p.startTime(), ZoneId.systemDefault()).format(CLOCK)));
            Table t = new Table(">tid", "name", "state", ">cpu%", ">core", ">prio", ">nice", ">vcsw", ">ivcsw", "java");
            for (ThreadSample th : p.threads()) {
                t.row(th.tid(), th.name(), th.state(), percent(th.cpuPercent()), count(th.core()), th.priority(),
                        th.nice() == ThreadSample.UNKNOWN_NICE ? "-" : Integer.toString(th.nice()),
                        count(th.voluntarySwitches()), count(th.involuntarySwitches()),
                        th.java() == null ? "" : th.java().name() + " (" + th.java().state() + (th.java().daemon() ? ", daemon" : "") + ")");
            }
            sb.append(t);
        }
        return sb.toString();
    }

    /** The window the host's figures are over, as measured (the one asked for if unknown). */
    private Duration measured(Measurement s) {
        return s.host().window() != null ? s.host().window() : window;
    }

    private static void coreRow(Table t, String name, CoreSample c) {
        t.row(name, percent(c.utilisation() * 100), percent(c.user() * 100), percent(c.system() * 100),
                percent(c.iowait() * 100), percent(c.idle() * 100));
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String count(long v) {
        return v < 0 ? "-" : Long.toString(v);
    }

    private Map<String, Object> toJson(Measurement s, List<ProcessSample> shown, String sourceName) {
        HostSample h = s.host();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("host", h.hostName());
        root.put("taken_at", s.takenAt().toString());
        root.put("window_s", measured(s).toNanos() / 1e9);
        root.put("source", sourceName);
        root.put("uptime_s", h.uptime().getSeconds());
        double[] load = h.load();
        root.put("load", List.of(load[0], load[1], load[2]));
        List<Object> cores = new ArrayList<>();
        for (CoreSample c : h.cores()) {
            cores.add(core(c));
        }
        root.put("cores", cores);
        root.put("total", core(h.total()));
        Map<String, Object> mem = new LinkedHashMap<>();
        mem.put("used_bytes", h.memoryUsedBytes());
        mem.put("total_bytes", h.memoryTotalBytes());
        mem.put("swap_used_bytes", h.swapUsedBytes());
        mem.put("swap_total_bytes", h.swapTotalBytes());
        root.put("memory", mem);
        List<Object> procs = new ArrayList<>();
        for (ProcessSample p : shown) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pid", p.pid());
            m.put("ppid", p.ppid());
            m.put("name", p.name());
            m.put("role", p.role());
            m.put("state", p.state());
            m.put("cpu_percent", p.cpuPercent());
            m.put("rss_bytes", p.rssBytes());
            m.put("virtual_bytes", p.virtualBytes());
            m.put("user_s", p.userTime().isNegative() ? null : p.userTime().toMillis() / 1e3);
            m.put("system_s", p.systemTime().isNegative() ? null : p.systemTime().toMillis() / 1e3);
            m.put("thread_count", p.threadCount());
            m.put("start_time", p.startTime() == null ? null : p.startTime().toString());
            m.put("window_s", p.window() == null ? null : p.window().toNanos() / 1e9);
            List<Object> threads = new ArrayList<>();
            for (ThreadSample t : p.threads()) {
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("tid", t.tid());
                tm.put("name", t.name());
                tm.put("state", t.state());
                tm.put("cpu_percent", t.cpuPercent());
                tm.put("core", t.core());
                tm.put("priority", t.priority());
                tm.put("nice", t.nice() == ThreadSample.UNKNOWN_NICE ? null : t.nice());
                tm.put("voluntary_switches", t.voluntarySwitches());
                tm.put("involuntary_switches", t.involuntarySwitches());
                if (t.java() != null) {
                    Map<String, Object> j = new LinkedHashMap<>();
                    j.put("id", t.java().id());
                    j.put("name", t.java().name());
                    j.put("state", t.java().state().name());
                    j.put("daemon", t.java().daemon());
                    j.put("allocated_bytes", t.java().allocatedBytes());
                    tm.put("java", j);
                }
                threads.add(tm);
            }
            m.put("threads", threads);
            m.put("error", p.error());
            procs.add(m);
        }
        root.put("processes", procs);
        return root;
    }

    private static Map<String, Object> core(CoreSample c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("util", c.utilisation());
        m.put("user", c.user());
        m.put("system", c.system());
        m.put("iowait", c.iowait());
        m.put("idle", c.idle());
        return m;
    }
}
