package org.threadlab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Many sleeping workers in the real screen (issue 13): every key within 100 ms at 10,000 thread workers
 * (100,000 virtual ones on Java 21+, 64 processes), the sampler keeping its interval, and RSS per idle
 * worker at most 20 KiB above a bare sleeping thread. Each count runs in a JVM of its own
 * ({@link ManyWorkersRun}), with the same flags as the bare-threads reference it is held against.
 */
public final class ManyWorkersFigure implements Figure {
    static final double KEY_MS = 100;
    static final double RSS_KIB = 20;
    static final double INTERVAL_RATIO = 1.5;
    /** How long one run may take: 10,000 spawns on a loaded 2-core machine, then the presses. */
    private static final long RUN_MINUTES = 6;

    /** Sizes of one run: full or quick. */
    record Sizes(int threads, int virtual, int processes, int presses, long intervalMs) {
        static final Sizes FULL = new Sizes(10_000, 100_000, 64, 20, 1000);
        static final Sizes QUICK = new Sizes(200, 200, 2, 3, 200);
    }

    @Override
    public String id() {
        return "many";
    }

    @Override
    public String summary() {
        return "10,000 sleeping thread workers in the screen (100,000 virtual, 64 processes): key -> frame, tick spacing, RSS per worker above a bare thread";
    }

    @Override
    public List<BenchRow> measure(BenchContext context) throws Exception {
        Sizes n = context.quick() ? Sizes.QUICK : Sizes.FULL;
        List<BenchRow> rows = new ArrayList<>();
        context.say("bench many: " + n.threads() + " bare threads…");
        Map<String, String> bare = run(context, "bare", Integer.toString(n.threads()));
        context.say("bench many: " + n.threads() + " thread workers…");
        Map<String, String> threads = run(context, "ui", "t", Integer.toString(n.threads()),
                Integer.toString(n.presses()), Long.toString(n.intervalMs()));
        String t = count(n.threads());
        rows.add(keys("workers-" + n.threads() + "-keys", t + " sleeping thread workers", threads));
        double perWorker = (num(threads, "rssKib") - num(bare, "rssKib")) / n.threads();
        rows.add(new BenchRow("workers-" + n.threads() + "-rss", "RSS per idle thread worker above a bare thread",
                Amount.kib(perWorker), t + " bare sleeping threads: " + mib(num(bare, "rssKib")) + " (threadlab: "
                + mib(num(threads, "rssKib")) + ")", Amount.kib(num(bare, "rssKib")), Double.NaN,
                "<= " + (int) RSS_KIB + " KiB", perWorker <= RSS_KIB ? Outcome.PASS : Outcome.FAIL,
                "(RSS with the workers - RSS of the bare threads) / " + t + "; same java, same flags ("
                        + (jvmFlags().isEmpty() ? "none" : String.join(" ", jvmFlags())) + "), VmRSS; " + where(threads, bare, n.threads())));
        double gap = num(threads, "tickGapMaxMs");
        rows.add(BenchRow.ratio("workers-" + n.threads() + "-interval", "longest gap between ticks, " + t + " thread workers",
                Amount.ms(gap), "the interval", Amount.ms(n.intervalMs()), INTERVAL_RATIO, "")
                .withNote(threads.get("ticks") + " ticks over the presses; whole JVM " + threads.get("cpuPercent")
                        + " % of a core (model " + threads.get("cpu.threadlab-model") + ", sampler "
                        + threads.get("cpu.threadlab-sampler") + ", UI " + threads.get("cpu.threadlab-ui") + ")"));
        String virtualId = "virtual-" + n.virtual() + "-keys";
        String virtualFigure = count(n.virtual()) + " sleeping virtual-thread workers";
        if (Runtime.version().feature() < 21) {
            rows.add(BenchRow.skipped(virtualId, virtualFigure + ", key -> frame (max)", "", "< " + (int) KEY_MS + " ms",
                    "Java " + Runtime.version().feature() + " has no virtual threads (Java 21 or newer)"));
        } else {
            context.say("bench many: " + n.virtual() + " virtual workers…");
            rows.add(keys(virtualId, virtualFigure, run(context, "ui", "v", Integer.toString(n.virtual()),
                    Integer.toString(n.presses()), Long.toString(n.intervalMs()))));
        }
        context.say("bench many: " + n.processes() + " process workers…");
        rows.add(keys("processes-" + n.processes() + "-keys", count(n.processes()) + " sleeping process workers",
                run(context, "ui", "p", Integer.toString(n.processes()), Integer.toString(n.presses()), Long.toString(n.intervalMs()))));
        return rows;
    }

    /**
     * Where the KiB per worker are (smaps of both runs, {@link Footprint}): the thread stacks' resident
     * KiB a thread on each side, the rest per worker, and the heap's pools as the collector sized them.
     */
    static String where(Map<String, String> threads, Map<String, String> bare, int count) {
        StringBuilder b = new StringBuilder("thread stacks ").append(threads.get("stackKib")).append(" KiB a thread (bare ")
                .append(bare.get("stackKib")).append("; from smaps, the mapping of each sleeping thread's stack pointer), the rest ")
                .append(String.format(Locale.ROOT, "%.1f", (num(threads, "otherKib") - num(bare, "otherKib")) / count))
                .append(" KiB a worker above the bare JVM's; heap committed/used KiB:");
        threads.keySet().stream().filter(k -> k.startsWith("heap.")).sorted()
                .forEach(k -> b.append(' ').append(k.substring(5)).append(' ').append(threads.get(k)));
        // what the young generation cycles through while they sleep, and whose it is
        b.append("; allocated over the presses ").append(threads.get("allocKBps")).append(" KB/s (sampler ")
                .append(threads.get("alloc.threadlab-sampler")).append(", model ").append(threads.get("alloc.threadlab-model"))
                .append(", UI ").append(threads.get("alloc.threadlab-ui")).append(')');
        return b.toString();
    }

    private static BenchRow keys(String id, String what, Map<String, String> r) {
        return BenchRow.below(id, what + ", key -> frame (max)", Amount.ms(num(r, "keyMaxMs")), KEY_MS,
                "median " + r.get("keyMedianMs") + " ms over " + r.get("presses") + " presses of d; in-process on a 120x40 "
                        + "virtual terminal through the real UI loop (keys polled every 10 ms); whole JVM "
                        + r.get("cpuPercent") + " % of a core, RSS " + mib(num(r, "rssKib")) + ", started in " + r.get("spawnS") + " s; "
                        + r.get("pressGcs") + " collections over the presses (" + r.get("pressGcMs") + " ms in all)");
    }

    /** Runs {@link ManyWorkersRun} in a JVM of its own and reads its result line. */
    static Map<String, String> run(BenchContext context, String... args) throws IOException, InterruptedException {
        List<String> threadlab = context.threadlabCommand();
        List<String> cmd = new ArrayList<>();
        cmd.add(threadlab.get(0));
        // the flags the user's threadlab runs with (the launcher's, where the build made one), for both sides
        cmd.addAll(jvmFlags());
        cmd.addAll(threadlab.subList(1, threadlab.size() - 1));
        cmd.add(ManyWorkersRun.class.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, String> out = null;
        StringBuilder said = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(ManyWorkersRun.RESULT + " ")) {
                    out = parse(line.substring(ManyWorkersRun.RESULT.length() + 1));
                } else if (said.length() < 4000) {
                    said.append(line).append('\n');
                }
            }
        } finally {
            if (!p.waitFor(RUN_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
        }
        if (out == null) {
            throw new IllegalStateException("the run " + String.join(" ", args) + " gave no figures:\n" + said);
        }
        if (args.length > 3) {
            out.put("presses", args[3]);
        }
        return out;
    }

    /** The JVM flags threadlab's launcher starts it with ({@code threadlab-launcher.properties}), none without one. */
    static List<String> jvmFlags() {
        return UserCommand.jvmFlags();
    }

    static Map<String, String> parse(String line) {
        Map<String, String> out = new HashMap<>();
        for (String kv : line.trim().split(" ")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                out.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return out;
    }

    private static double num(Map<String, String> r, String key) {
        String v = r.get(key);
        return v == null ? Double.NaN : Double.parseDouble(v);
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String mib(double kib) {
        return String.format(Locale.ROOT, "%.0f MiB", kib / 1024);
    }
}
