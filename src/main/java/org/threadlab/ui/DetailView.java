package org.threadlab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threadlab.sample.ProcessSample;
import org.threadlab.sample.Snapshot;
import org.threadlab.sample.ThreadSample;
import org.threadlab.sample.WorkerSample;
import org.threadlab.text.Durations;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/**
 * The selected worker up close: its CPU history, how it ended, and for a process every thread of
 * it (a child JVM has GC and compiler threads too), and the last lines it wrote to stderr.
 */
final class DetailView {
    private static final int THREAD_CELL = 34;

    private DetailView() {}

    record Line(String text, Theme.Role role) {}

    static void draw(Canvas c, Layout.Rect r, Snapshot s, UiState st, long nowNanos, int junctionX) {
        Optional<WorkerSample> sel = Rows.selected(s, st);
        String title = sel.map(w -> "Detail: " + w.info().name() + " (" + w.info().kind()
                + (w.info().pid() > 0 ? " in pid " + w.info().pid() : "") + ")").orElse("Detail");
        c.rule(r.x(), r.y(), r.w(), title, Theme.Role.TITLE, junctionX, c.theme.teeUp);
        List<Line> lines = sel.isPresent() ? lines(sel.get(), s, st, nowNanos, r.w() - 2, c.theme)
                : List.of(new Line("No worker selected: arrows select a row, Tab switches tables.", Theme.Role.DIM));
        for (int i = 0; i < lines.size() && i < r.h() - 1; i++) {
            c.text(r.x() + 1, r.y() + 1 + i, lines.get(i).text(), lines.get(i).role(), r.w() - 2);
        }
    }

    static List<Line> lines(WorkerSample ws, Snapshot s, UiState st, long nowNanos, int width, Theme t) {
        WorkerInfo i = ws.info();
        List<Line> out = new ArrayList<>();
        StringBuilder sum = new StringBuilder("#").append(i.id()).append(' ').append(i.name()).append("  ").append(i.kind())
                .append(i.daemon() ? " (daemon)" : "").append("  ").append(i.state().label())
                .append("  age ").append(i.startedAt() == null ? "-" : Durations.clock(i.age(s.takenAt())))
                .append("  ").append(i.workload().describe());
        if (i.progressTotal() > 0) {
            sum.append("  progress ").append(Math.round(i.progress() * 100)).append("% (").append(i.progressDone())
                    .append('/').append(i.progressTotal()).append(')');
        }
        out.add(new Line(sum.toString(), Theme.Role.NORMAL));
        double max = 100;
        for (int k = 0; k < ws.cpuHistory().size(); k++) {
            max = Math.max(max, ws.cpuHistory().get(k));
        }
        int spark = Math.max(8, Math.min(40, width / 3));
        out.add(new Line("cpu " + Cells.sparkline(ws.cpuHistory(), spark, max, t) + " " + Cells.percentSign(ws.cpuPercent())
                + "  core " + Cells.number(ws.core()) + "  " + (i.kind() == WorkerKind.PROCESS ? "rss " : "allocated ")
                + Cells.bytes(ws.memoryBytes()) + (i.cpuNanos() >= 0 ? "  cpu time " + Durations.seconds(java.time.Duration.ofNanos(i.cpuNanos())) : ""),
                Theme.Role.SPARK));
        if (i.status() != null) {
            out.add(new Line("status: " + i.status(), Theme.Role.NORMAL));
        }
        // a shared-state round's outcome is told once, on the worker that ended it
        for (org.threadlab.worker.Event e : s.events()) {
            if (e.type() == org.threadlab.worker.Event.Type.OUTCOME && e.workerId() == i.id()) {
                out.add(new Line("outcome: " + e.text(), Theme.Role.NORMAL));
            }
        }
        UiState.PendingJoin join = st.joins.get(i.id());
        if (join != null) {
            out.add(new Line("join: waiting " + Durations.seconds(java.time.Duration.ofNanos(nowNanos - join.startedNanos()))
                    + " (Esc stops waiting)", Theme.Role.WARN));
        }
        if (i.state().ended()) {
            out.add(outcome(i));
            stderr(i, out);
            threads(ws, s, width, out);
        } else {
            if (i.cancelRequested()) {
                out.add(new Line("asked to stop, still running" + (i.kind().inThisJvm() ? " (a thread cannot be killed)" : ""), Theme.Role.WARN));
            }
            threads(ws, s, width, out);
            stderr(i, out);
        }
        return out;
    }

    private static Line outcome(WorkerInfo i) {
        StringBuilder sb = new StringBuilder(i.state().label());
        if (i.result() != null) {
            sb.append(": ").append(i.result());
        }
        if (i.reason() != null) {
            sb.append(i.result() != null ? "; " : ": ").append(i.reason());
        }
        // one exit code: not again when the reason already gives it ("python3 exited with code 2")
        if (i.exitCode() != null && (i.reason() == null || !i.reason().contains("code " + i.exitCode()))) {
            sb.append("  exit code ").append(i.exitCode());
        }
        return new Line(sb.toString(), i.state() == WorkerState.FAILED ? Theme.Role.ERROR
                : i.state() == WorkerState.TERMINATED ? Theme.Role.WARN : Theme.Role.ON);
    }

    private static void stderr(WorkerInfo i, List<Line> out) {
        // an exec worker's program's stdout, shown as its stderr is
        if (!i.stdoutTail().isEmpty()) {
            out.add(new Line("stdout (last " + i.stdoutTail().size() + " lines):", Theme.Role.TITLE));
            for (String l : i.stdoutTail()) {
                out.add(new Line("  " + l, Theme.Role.NORMAL));
            }
        }
        if (!i.stderrTail().isEmpty()) {
            out.add(new Line("stderr (last " + i.stderrTail().size() + " lines):", Theme.Role.TITLE));
            for (String l : i.stderrTail()) {
                out.add(new Line("  " + l, Theme.Role.NORMAL));
            }
        }
    }

    private static void threads(WorkerSample ws, Snapshot s, int width, List<Line> out) {
        WorkerInfo i = ws.info();
        if (i.kind() == WorkerKind.VIRTUAL) {
            out.add(new Line("a virtual thread has no native thread of its own: it runs on carrier threads", Theme.Role.DIM));
            return;
        }
        Optional<ProcessSample> p = i.pid() > 0 ? s.process(i.pid()) : Optional.empty();
        if (p.isEmpty()) {
            if (i.state().alive()) {
                out.add(new Line("no sample of pid " + Cells.number(i.pid()) + " yet", Theme.Role.DIM));
            }
            return;
        }
        ProcessSample ps = p.get();
        if (i.kind() == WorkerKind.THREAD) {
            for (ThreadSample t : ps.threads()) {
                if (t.tid() == i.tid()) {
                    out.add(new Line("native tid " + t.tid() + " '" + t.name() + "' state " + t.state() + "  cpu "
                            + Cells.percentSign(t.cpuPercent()) + "  core " + Cells.number(t.core()) + "  switches "
                            + Cells.number(t.voluntarySwitches()) + " voluntary, " + Cells.number(t.involuntarySwitches()) + " forced"
                            + (t.java() != null ? "  java " + t.java().state() : ""), Theme.Role.NORMAL));
                }
            }
            return;
        }
        out.add(new Line("threads in pid " + ps.pid() + ": " + ps.threads().size() + (ps.error() != null ? "  (" + ps.error() + ")" : "")
                + "   tid name state cpu% core", Theme.Role.TITLE));
        int perLine = Math.max(1, width / THREAD_CELL);
        StringBuilder line = new StringBuilder();
        int n = 0;
        for (ThreadSample t : ps.threads()) {
            String cell = t.tid() + " " + t.name() + " " + t.state() + " " + Cells.percent(t.cpuPercent()) + " c" + Cells.number(t.core());
            if (cell.length() > THREAD_CELL - 2) {
                cell = cell.substring(0, THREAD_CELL - 2);
            }
            line.append(cell).append(" ".repeat(THREAD_CELL - cell.length()));
            if (++n % perLine == 0) {
                out.add(new Line(line.toString().stripTrailing(), Theme.Role.NORMAL));
                line.setLength(0);
            }
        }
        if (line.length() > 0) {
            out.add(new Line(line.toString().stripTrailing(), Theme.Role.NORMAL));
        }
    }
}
