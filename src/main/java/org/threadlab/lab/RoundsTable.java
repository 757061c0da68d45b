package org.threadlab.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.threadlab.model.Round;
import org.threadlab.model.RoundLine;
import org.threadlab.text.Durations;
import org.threadlab.text.Table;
import org.threadlab.text.Words;

/**
 * The session's rounds as text: the table printed when the screen closes (the results side by side,
 * as the tutorials print them), and one round's summary under {@code threadlab run}.
 */
public final class RoundsTable {
    private RoundsTable() {}

    /** The lines printed after quit; none when no round was started. */
    public static List<String> lines(List<Round> rounds) {
        if (rounds.isEmpty()) {
            return List.of();
        }
        Table t = new Table(">#", "what", ">wall", ">CPU", ">cores busy", ">speed-up", ">others busy");
        for (Round r : rounds) {
            t.row("#" + r.id(), r.info().label(), r.running() ? "running" : Durations.seconds(r.wall()), cpu(r),
                    RoundLine.cores(r.coresBusy()), speedup(r, rounds), RoundLine.cores(r.othersCores()));
        }
        List<String> out = new ArrayList<>();
        out.add("threadlab: the session's " + Words.count(rounds.size(), "round"));
        for (String line : t.toString().split("\n")) {
            out.add("  " + line);
        }
        return out;
    }

    /** Under {@code run}: the round's figures ({@link RoundLine#RUN}), then its verdict. */
    public static List<String> summary(Round r) {
        List<String> out = new ArrayList<>();
        out.add("round #" + r.id() + ": " + r.info().label() + ": " + RoundLine.RUN.write(r, List.of(r)));
        if (r.verdict() != null) {
            out.add("verdict: " + r.verdict());
        }
        return out;
    }

    /** The round for {@code run --json}: unknown figures are null. */
    public static Map<String, Object> json(Round r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("label", r.info().label());
        m.put("wall_s", r.wall().toNanos() / 1e9);
        m.put("cpu_s", r.cpuNanos() >= 0 ? r.cpuNanos() / 1e9 : null);
        m.put("cores_busy", finite(r.coresBusy()));
        m.put("others_cores", finite(r.othersCores()));
        m.put("host_cores", r.hostCores());
        m.put("finished", r.finished());
        m.put("failed", r.failed());
        m.put("stopped", r.stopped());
        m.put("peak_memory", r.peakMemory() >= 0 ? r.peakMemory() : null);
        m.put("peak_threads", r.peakThreads() >= 0 ? r.peakThreads() : null);
        m.put("baseline", r.baseline() > 0 ? r.baseline() : null);
        m.put("speedup", finite(r.speedup()));
        m.put("verdict", r.verdict());
        return m;
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static String cpu(Round r) {
        return r.cpuNanos() >= 0 ? Durations.seconds(Duration.ofNanos(r.cpuNanos())) : "-";
    }

    /** "1.0x vs #1"; "- (unlike #1)" where the baseline had it worse and a speed-up would flatter (RoundVerdict). */
    private static String speedup(Round r, List<Round> rounds) {
        if (Double.isNaN(r.speedup())) {
            return "-";
        }
        if (org.threadlab.model.RoundVerdict.flattered(r, rounds)) {
            return "- (unlike #" + r.baseline() + ")";
        }
        return String.format(Locale.ROOT, "%.1fx vs #%d", r.speedup(), r.baseline());
    }
}
