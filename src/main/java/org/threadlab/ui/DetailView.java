package org.threadlab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threadlab.sample.ProcessSample;
import org.threadlab.model.Snapshot;
import org.threadlab.sample.ThreadSample;
import org.threadlab.model.WorkerSample;
import org.threadlab.text.Durations;
import org.threadlab.text.Words;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/**
 * The selected worker up close: its CPU history, how it ended, and for a process every thread of
 * it (a child JVM has GC and compiler threads too), and the last lines it wrote (stderr; an exec program's stdout).
 */
final class DetailView {
    /** Columns of a thread's name in the list: the kernel keeps 15 characters of it. */
    private static final int NAME_W = 15;
    /** Rows the output tail keeps (a title and last lines) when the thread list wants the room too. */
    private static final int STDERR_KEEP = 3;

    private DetailView() {}

    record Line(String text, Theme.Role role) {}

    static void draw(Canvas c, Layout.Rect r, Snapshot s, UiState st, long nowNanos, int junctionX) {
        if (st.focus == Pane.EVENTS) {
            drawEvent(c, r, s, st, junctionX);
            return;
        }
        Optional<WorkerSample> sel = Rows.selected(s, st);
        String title = sel.map(w -> "Detail: " + w.info().name() + " (" + w.info().kind()
                + (w.info().pid() > 0 ? " in pid " + w.info().pid() : "") + ")").orElse("Detail");
        c.rule(r.x(), r.y(), r.w(), title, Theme.Role.TITLE, junctionX, c.theme.teeUp);
        List<Line> lines = sel.isPresent() ? lines(sel.get(), s, st, nowNanos, r.w() - 2, r.h() - 1, c.theme)
                : List.of(new Line("No worker selected: arrows select a row, Tab switches panes.", Theme.Role.DIM));
        for (int i = 0; i < lines.size() && i < r.h() - 1; i++) {
            c.text(r.x() + 1, r.y() + 1 + i, c.fit(lines.get(i).text(), r.w() - 2), lines.get(i).role(), r.w() - 2);
        }
    }

    /** The selected event whole: its time, type and worker on one line, its text wrapped to the pane's width. */
    private static void drawEvent(Canvas c, Layout.Rect r, Snapshot s, UiState st, int junctionX) {
        Optional<org.threadlab.worker.Event> sel = EventRows.selected(s.events(), st);
        c.rule(r.x(), r.y(), r.w(), sel.map(e -> "Detail: event " + e.seq()).orElse("Detail"), Theme.Role.TITLE, junctionX, c.theme.teeUp);
        if (sel.isEmpty()) {
            c.text(r.x() + 1, r.y() + 1, "No events yet: Tab goes back to the tables.", Theme.Role.DIM, r.w() - 2);
            return;
        }
        int rows = r.h() - 1;
        List<Line> lines = eventLines(c, sel.get(), s, r.w() - 2, rows);
        for (int i = 0; i < lines.size() && i < rows; i++) {
            // cut only when even the folded text has more lines than the pane: the last line says so with its ellipsis
            String text = i == rows - 1 && lines.size() > rows ? lines.get(i).text() + " " + c.theme.ellipsis : lines.get(i).text();
            c.text(r.x() + 1, r.y() + 1 + i, c.fit(text, r.w() - 2), lines.get(i).role(), r.w() - 2);
        }
    }

    /**
     * An event's lines at {@code width} columns: a heading (time, type, worker), then the full text
     * wrapped (a word longer than a line is split). When that takes more than {@code rows} rows (an
     * 80x24 screen's detail has three), the heading runs on into the text, to give the text its row.
     */
    static List<Line> eventLines(Canvas c, org.threadlab.worker.Event e, Snapshot s, int width, int rows) {
        List<Line> out = new ArrayList<>();
        String worker = e.workerId() == 0 ? "supervisor"
                : "worker #" + e.workerId() + s.worker(e.workerId()).map(w -> " " + w.info().name()).orElse("");
        String heading = EventsView.clock(e) + "  " + e.type().label() + "  " + worker;
        List<String> text = Canvas.wrapLines(c.clean(e.text()), width);
        if (1 + text.size() > rows) {
            for (String l : Canvas.wrapLines(heading + ":  " + c.clean(e.text()), width)) {
                out.add(new Line(l, EventsView.role(e.type())));
            }
            return out;
        }
        out.add(new Line(heading, Theme.Role.TITLE));
        for (String l : text) {
            out.add(new Line(l, EventsView.role(e.type())));
        }
        return out;
    }

    /** The pane's lines for {@code rows} rows: the thread list and stderr tail share what the summary leaves. */
    static List<Line> lines(WorkerSample ws, Snapshot s, UiState st, long nowNanos, int width, int rows, Theme t) {
        WorkerInfo i = ws.info();
        List<Line> out = new ArrayList<>();
        // an attached process is no worker: its PID is its name here, and it has no workload
        boolean attached = org.threadlab.model.Attached.is(i);
        StringBuilder sum = new StringBuilder(attached ? "pid " + i.pid() : "#" + i.id()).append(' ').append(i.name()).append("  ")
                .append(attached ? "attached " + i.kind().noun() + ", not a worker" : i.kind().toString())
                .append(i.daemon() ? " (daemon)" : "").append("  ").append(ws.state().label())
                .append("  age ").append(i.startedAt() == null ? "-" : Durations.clock(i.age(s.takenAt())))
                .append(attached ? "" : "  " + i.workload().describe());
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
                + "  core " + Cells.number(ws.core())
                // an attached thread's memory is its process's (no JVM here to count its allocations)
                + (attached && i.kind() != WorkerKind.PROCESS ? "" : "  " + (i.kind() == WorkerKind.PROCESS ? "rss " : "allocated ")
                + Cells.bytes(ws.memoryBytes())) + (i.cpuNanos() >= 0 ? "  cpu time " + Durations.seconds(java.time.Duration.ofNanos(i.cpuNanos())) : ""),
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
        } else if (i.cancelRequested()) {
            out.add(new Line("asked to stop, still running" + (i.kind().inThisJvm() ? " (a thread cannot be killed)" : ""), Theme.Role.WARN));
        }
        int rest = Math.max(0, rows - out.size());
        int outputNeed = outputNeed(i);
        List<Line> threads = threads(ws, s, width, Math.max(1, rest - Math.min(outputNeed, STDERR_KEEP)));
        List<Line> stderr = output(i, Math.max(Math.min(outputNeed, STDERR_KEEP), rest - threads.size()));
        // how a process ended (and what it wrote) matters more than threads it no longer has
        out.addAll(i.state().ended() ? stderr : threads);
        out.addAll(i.state().ended() ? threads : stderr);
        return out;
    }

    private static Line outcome(WorkerInfo i) {
        if (org.threadlab.model.Attached.is(i)) {
            return new Line("exited: these are its last figures (c clears it)", Theme.Role.DIM);
        }
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

    /**
     * The last lines a process wrote, as many as {@code rows} allow: stderr first (it says why a
     * process failed), then, in what is left, an exec program's stdout (its own report of its work).
     */
    private static List<Line> output(WorkerInfo i, int rows) {
        List<Line> err = tail("stderr", i.stderrTail(), rows);
        List<Line> out = new ArrayList<>(tail("stdout", i.stdoutTail(), rows - err.size()));
        out.addAll(err);
        return out;
    }

    /** Rows the output of a process would take whole: each stream's title and lines. */
    private static int outputNeed(WorkerInfo i) {
        return (i.stderrTail().isEmpty() ? 0 : 1 + i.stderrTail().size())
                + (i.stdoutTail().isEmpty() ? 0 : 1 + i.stdoutTail().size());
    }

    /** A stream's title and its last lines, in at most {@code rows} rows (none when fewer than two). */
    private static List<Line> tail(String stream, List<String> tail, int rows) {
        List<Line> out = new ArrayList<>();
        if (tail.isEmpty() || rows < 2) {
            return out;
        }
        int n = Math.min(tail.size(), rows - 1);
        out.add(new Line(stream + " (last " + Words.count(n, "line") + "):", Theme.Role.TITLE));
        for (String l : tail.subList(tail.size() - n, tail.size())) {
            out.add(new Line("  " + l, Theme.Role.NORMAL));
        }
        return out;
    }

    /**
     * The worker's threads in at most {@code rows} lines: a thread its native thread; a process all
     * its threads, busiest first (the work thread of a child JVM hides among 20 JVM threads in TID
     * order), as many as fit, and how many did not.
     */
    private static List<Line> threads(WorkerSample ws, Snapshot s, int width, int rows) {
        List<Line> out = new ArrayList<>();
        WorkerInfo i = ws.info();
        if (i.kind() == WorkerKind.VIRTUAL) {
            out.add(new Line("a virtual thread has no native thread of its own: it runs on carrier threads", Theme.Role.DIM));
            return out;
        }
        Optional<ProcessSample> p = i.pid() > 0 ? s.process(i.pid()) : Optional.empty();
        if (p.isEmpty()) {
            if (i.state().alive()) {
                out.add(new Line("no sample of pid " + Cells.number(i.pid()) + " yet", Theme.Role.DIM));
            }
            return out;
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
            return out;
        }
        List<ThreadSample> busiest = busiestFirst(ps.threads());
        int tidW = 3;
        for (ThreadSample t : busiest) {
            tidW = Math.max(tidW, Long.toString(t.tid()).length());
        }
        if (rows < 2 && !busiest.isEmpty()) {
            // no room for the list: the one thread that matters most, and how many more there are
            ThreadSample t = busiest.get(0);
            out.add(new Line(busiest.size() + " threads; busiest " + t.tid() + " " + t.name() + " "
                    + Cells.percentSign(t.cpuPercent()) + (busiest.size() > 1 ? "; " + (busiest.size() - 1) + " more not shown" : ""),
                    Theme.Role.TITLE));
            return out;
        }
        int cellW = tidW + NAME_W + 14;
        int perLine = Math.max(1, (width + 2) / (cellW + 2));
        int shown = Math.min(busiest.size(), Math.max(0, rows - 1) * perLine);
        int hidden = busiest.size() - shown;
        out.add(new Line("threads in pid " + ps.pid() + ": " + ps.threads().size() + (ps.error() != null ? "  (" + ps.error() + ")" : "")
                + (busiest.size() > 1 ? ", busiest first" : "") + (hidden > 0 ? "; " + hidden + " more not shown" : "")
                + "   tid name state cpu% core", Theme.Role.TITLE));
        StringBuilder line = new StringBuilder();
        for (int n = 0; n < shown; n++) {
            ThreadSample t = busiest.get(n);
            String name = t.name().length() > NAME_W ? t.name().substring(0, NAME_W) : t.name();
            // as String.format's "%{tidW}d %-{NAME_W}s %-1s %5s c%s" wrote it, without a Formatter each frame
            padLeft(line, Long.toString(t.tid()), tidW).append(' ');
            padRight(line, name, NAME_W).append(' ');
            padRight(line, t.state() == null ? "?" : t.state(), 1).append(' ');
            padLeft(line, Cells.percent(t.cpuPercent()), 5).append(" c").append(Cells.number(t.core()));
            if ((n + 1) % perLine == 0 || n == shown - 1) {
                out.add(new Line(line.toString().stripTrailing(), Theme.Role.NORMAL));
                line.setLength(0);
            } else {
                line.append(" ".repeat(Math.max(2, (cellW + 2) * ((n % perLine) + 1) - line.length())));
            }
        }
        return out;
    }

    /** {@code s} right-aligned in at least {@code w} columns ("%{w}s"). */
    static StringBuilder padLeft(StringBuilder sb, String s, int w) {
        for (int i = s.length(); i < w; i++) {
            sb.append(' ');
        }
        return sb.append(s);
    }

    /** {@code s} left-aligned in at least {@code w} columns ("%-{w}s"). */
    static StringBuilder padRight(StringBuilder sb, String s, int w) {
        sb.append(s);
        for (int i = s.length(); i < w; i++) {
            sb.append(' ');
        }
        return sb;
    }

    /** By CPU in the last interval, highest first; unknown CPU last; ties in TID order. */
    static List<ThreadSample> busiestFirst(List<ThreadSample> threads) {
        List<ThreadSample> out = new ArrayList<>(threads);
        out.sort(java.util.Comparator.comparingDouble((ThreadSample t) -> Double.isNaN(t.cpuPercent()) || t.cpuPercent() < 0
                        ? Double.MAX_VALUE : -t.cpuPercent())
                .thenComparingLong(ThreadSample::tid));
        return out;
    }
}
