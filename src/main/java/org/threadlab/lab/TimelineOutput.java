package org.threadlab.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.threadlab.sample.Slice;
import org.threadlab.sample.SliceSampler;
import org.threadlab.sample.ThreadSlice;
import org.threadlab.text.Durations;
import org.threadlab.text.Table;

/**
 * What {@code threadlab timeline} prints: the slices read from one process, as a table per slice and per
 * thread, a summary a teacher can read, and the {@code --json} document. Pure: built from the slices.
 *
 * @param pid        the process followed
 * @param slice      the slice length in force
 * @param kernelTick the measured kernel tick, or null
 * @param slices     oldest first
 */
public record TimelineOutput(long pid, Duration slice, Duration kernelTick, List<Slice> slices) {
    /** A thread counts as having run in a slice above this share of it (a wake-up costs far less). */
    static final double RAN_SHARE = 0.05;

    public TimelineOutput {
        slices = List.copyOf(slices);
    }

    /** One thread's row over all slices: null where it was not (yet, or any more) followed. */
    public record Lane(long tid, String name, ThreadSlice[] cells) {
        long cpuNanos() {
            long sum = 0;
            for (ThreadSlice c : cells) {
                sum += c == null || c.cpuNanos() < 0 ? 0 : c.cpuNanos();
            }
            return sum;
        }
    }

    /** The threads in the order first seen (the watch's order, then newcomers). */
    public List<Lane> lanes() {
        Map<Long, Lane> byTid = new LinkedHashMap<>();
        for (int i = 0; i < slices.size(); i++) {
            for (ThreadSlice t : slices.get(i).threads()) {
                Lane lane = byTid.computeIfAbsent(t.tid(), tid -> new Lane(tid, t.name(), new ThreadSlice[slices.size()]));
                lane.cells()[i] = t;
            }
        }
        return List.copyOf(byTid.values());
    }

    /** True when the process's threads were all gone by the last slice: it ended during the run. */
    public boolean ended() {
        if (slices.isEmpty()) {
            return false;
        }
        List<ThreadSlice> last = slices.get(slices.size() - 1).threads();
        return last.isEmpty() || last.stream().allMatch(t -> t.state() == 'X');
    }

    /** Per slice, the CPU of all its threads together, in ns. */
    public long[] processCpuNanos() {
        long[] out = new long[slices.size()];
        for (int i = 0; i < out.length; i++) {
            Slice s = slices.get(i);
            Long exact = s.processCpuNanos().get(pid);
            if (exact != null) {
                out[i] = exact;
            } else {
                for (ThreadSlice t : s.threads()) {
                    out[i] += Math.max(0, t.cpuNanos());
                }
            }
        }
        return out;
    }

    /** Per slice, the cores used: CPU over the slice's span. */
    public double[] cores() {
        long[] cpu = processCpuNanos();
        double[] out = new double[cpu.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = cpu[i] / (double) Math.max(1, slices.get(i).spanNanos());
        }
        return out;
    }

    /** Per slice, the lane index that ran most in it (above {@link #RAN_SHARE}); -1 when none did. */
    public int[] whoRan() {
        List<Lane> lanes = lanes();
        int[] out = new int[slices.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = -1;
            long best = (long) (RAN_SHARE * slices.get(i).spanNanos());
            for (int l = 0; l < lanes.size(); l++) {
                ThreadSlice c = lanes.get(l).cells()[i];
                if (c != null && c.cpuNanos() > best) {
                    best = c.cpuNanos();
                    out[i] = l;
                }
            }
        }
        return out;
    }

    /** How many times the thread that ran most changed from one slice to the next (slices where none ran skipped). */
    public int handOvers() {
        int n = 0;
        int previous = -1;
        for (int w : whoRan()) {
            if (w >= 0) {
                n += previous >= 0 && w != previous ? 1 : 0;
                previous = w;
            }
        }
        return n;
    }

    public String note() {
        return SliceSampler.note(slice, kernelTick);
    }

    /**
     * Per slice one row, per thread one column: CPU ns, state letter and core ("19871234 R1"). Threads that
     * never ran nor were read 'R' are left out (a JVM has dozens), with a line saying how many.
     */
    public String table() {
        List<Lane> all = lanes();
        List<Lane> lanes = all.stream().filter(TimelineOutput::ranAtAll).toList();
        String[] headers = new String[lanes.size() + 2];
        headers[0] = ">t ms";
        for (int l = 0; l < lanes.size(); l++) {
            headers[l + 1] = ">" + lanes.get(l).tid() + " " + lanes.get(l).name();
        }
        headers[headers.length - 1] = ">cores";
        Table t = new Table(headers);
        double[] cores = cores();
        long origin = slices.isEmpty() ? 0 : slices.get(0).startNanos();
        for (int i = 0; i < slices.size(); i++) {
            Object[] row = new Object[headers.length];
            row[0] = String.format(Locale.ROOT, "%.0f", (slices.get(i).endNanos() - origin) / 1e6);
            for (int l = 0; l < lanes.size(); l++) {
                ThreadSlice c = lanes.get(l).cells()[i];
                row[l + 1] = c == null ? "." : c.state() == 'X' ? "ended X" : c.cpuNanos() + " " + c.state() + (c.core() >= 0 ? c.core() : "");
            }
            row[row.length - 1] = String.format(Locale.ROOT, "%.2f", cores[i]);
            t.row(row);
        }
        int idle = all.size() - lanes.size();
        return t + (idle == 0 ? "" : idle + (idle == 1 ? " thread" : " threads")
                + " that never ran left out (in the summary and --json)" + System.lineSeparator());
    }

    private static boolean ranAtAll(Lane lane) {
        for (ThreadSlice c : lane.cells()) {
            if (c != null && (c.cpuNanos() > 0 || c.state() == 'R')) {
                return true;
            }
        }
        return false;
    }

    /** The summary: per thread, per slice, the hand-overs, and the honesty note. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        List<Lane> lanes = lanes();
        double seconds = slices.isEmpty() ? 0 : (slices.get(slices.size() - 1).endNanos() - slices.get(0).startNanos()) / 1e9;
        sb.append(String.format(Locale.ROOT, "pid %d: %d threads over %d slices of %s (%.2f s)%n", pid, lanes.size(),
                slices.size(), Durations.millis(slice), seconds));
        Table t = new Table(">tid", "name", ">cpu ms", ">cores", ">slices ran", ">read R");
        for (Lane lane : lanes) {
            int present = 0;
            int ran = 0;
            int r = 0;
            long span = 0;
            for (int i = 0; i < slices.size(); i++) {
                ThreadSlice c = lane.cells()[i];
                if (c == null || c.state() == 'X') {
                    continue;
                }
                present++;
                span += slices.get(i).spanNanos();
                ran += c.cpuNanos() > RAN_SHARE * slices.get(i).spanNanos() ? 1 : 0;
                r += c.state() == 'R' ? 1 : 0;
            }
            t.row(lane.tid(), lane.name(), String.format(Locale.ROOT, "%.1f", lane.cpuNanos() / 1e6),
                    String.format(Locale.ROOT, "%.2f", lane.cpuNanos() / (double) Math.max(1, span)),
                    percent(ran, present), percent(r, present));
        }
        sb.append(t);
        double[] c = cores().clone();
        Arrays.sort(c);
        if (c.length > 0) {
            sb.append(String.format(Locale.ROOT, "cores per slice (all threads): median %.2f, p90 %.2f, max %.2f%n",
                    c[c.length / 2], c[(int) Math.min(c.length - 1, Math.round(0.9 * (c.length - 1)))], c[c.length - 1]));
        }
        int h = handOvers();
        sb.append(String.format(Locale.ROOT, "who ran most changed %d times%s%n", h,
                h > 0 && seconds > 0 ? String.format(Locale.ROOT, " (%.1f per second, every %.0f ms on average)", h / seconds, seconds * 1000 / h) : ""));
        sb.append(note()).append(System.lineSeparator());
        return sb.toString();
    }

    /** The {@code --json} document. */
    public Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("slice_ns", slice.toNanos());
        root.put("kernel_tick_ns", kernelTick == null ? null : kernelTick.toNanos());
        root.put("pid", pid);
        root.put("note", note());
        root.put("ended", ended());
        long origin = slices.isEmpty() ? 0 : slices.get(0).startNanos();
        List<Long> starts = new ArrayList<>();
        List<Long> spans = new ArrayList<>();
        for (Slice s : slices) {
            starts.add(s.startNanos() - origin);
            spans.add(s.spanNanos());
        }
        root.put("start_ns", starts);
        root.put("span_ns", spans);
        List<Object> threads = new ArrayList<>();
        for (Lane lane : lanes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tid", lane.tid());
            m.put("name", lane.name());
            List<Object> cpu = new ArrayList<>();
            List<Object> state = new ArrayList<>();
            List<Object> core = new ArrayList<>();
            List<Object> wait = new ArrayList<>();
            boolean exact = false;
            for (ThreadSlice c : lane.cells()) {
                cpu.add(c == null || c.cpuNanos() < 0 ? null : c.cpuNanos());
                state.add(c == null ? null : String.valueOf(c.state()));
                core.add(c == null || c.core() < 0 ? null : c.core());
                wait.add(c == null || c.runQueueNanos() < 0 ? null : c.runQueueNanos());
                exact |= c != null && c.exact();
            }
            m.put("cpu_ns", cpu);
            m.put("state", state);
            m.put("core", core);
            m.put("wait_ns", wait);
            m.put("exact", exact);
            threads.add(m);
        }
        root.put("threads", threads);
        List<Long> process = new ArrayList<>();
        for (long v : processCpuNanos()) {
            process.add(v);
        }
        root.put("process_cpu_ns", process);
        root.put("process_cpu_exact", !slices.isEmpty() && slices.stream().allMatch(s -> s.processCpuNanos().containsKey(pid)));
        root.put("hand_overs", handOvers());
        return root;
    }

    private static String percent(int n, int of) {
        return of == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100.0 * n / of);
    }

}
