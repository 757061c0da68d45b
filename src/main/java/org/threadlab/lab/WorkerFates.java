package org.threadlab.lab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.threadlab.text.Durations;
import org.threadlab.text.Table;
import org.threadlab.text.Words;
import org.threadlab.worker.Event;
import org.threadlab.worker.WorkerInfo;

/**
 * What became of every worker of a session, as printed when the screen closes: the daemon lesson
 * (daemons die with their parent, non-daemons are waited for) stays visible after the screen is gone.
 */
public final class WorkerFates {
    private WorkerFates() {}

    /** The lines to print; none when no worker was started. Members (a pool's processes) end with their owner. */
    public static List<String> lines(List<WorkerInfo> workers, List<Event> events) {
        Set<Integer> daemonKilled = new HashSet<>();
        Set<Integer> joined = new HashSet<>();
        for (Event e : events) {
            if (e.type() == Event.Type.DAEMON_KILLED) {
                daemonKilled.add(e.workerId());
            } else if (e.type() == Event.Type.JOINED) {
                joined.add(e.workerId());
            }
        }
        List<WorkerInfo> shown = workers.stream().filter(w -> !w.isMember()).toList();
        if (shown.isEmpty()) {
            return List.of();
        }
        Table t = new Table("worker", "kind", "what became of it");
        for (WorkerInfo w : shown) {
            t.row(w.name(), w.kind().noun() + (w.daemon() ? ", daemon" : ""), fate(w, daemonKilled, joined));
        }
        List<String> out = new ArrayList<>();
        out.add("threadlab: what became of the " + Words.count(shown.size(), "worker") + " started");
        for (String line : t.toString().split("\n")) {
            out.add("  " + line);
        }
        return out;
    }

    private static String fate(WorkerInfo w, Set<Integer> daemonKilled, Set<Integer> joined) {
        String took = Durations.seconds(w.age(w.endedAt() != null ? w.endedAt() : w.startedAt()));
        String fate = switch (w.state()) {
            case FINISHED -> "finished after " + took + (w.result() != null ? ": " + w.result() : "");
            case FAILED -> "failed after " + took + ": " + w.reason();
            case TERMINATED -> daemonKilled.contains(w.id()) ? "killed as a daemon when threadlab quit, after " + took
                    : w.reason() + " after " + took;
            default -> "still " + w.state().name().toLowerCase(java.util.Locale.ROOT) + " (left to the end of threadlab)";
        };
        return fate + (joined.contains(w.id()) ? "; joined" : "");
    }
}
