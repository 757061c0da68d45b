package org.threadlab.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.threadlab.sample.Measurement;
import org.threadlab.sample.ProcessSample;

/**
 * The hub's attached processes ({@link Attached}): which PIDs the sampler is to watch for them, each
 * one's last good sample, and which have exited (kept with their last figures until cleared). Not
 * thread-safe: the hub's thread only (and its starter's, before the hub's thread runs).
 */
final class AttachBook {
    /** One attached PID. */
    private static final class Watched {
        ProcessSample last;
        boolean exited;
    }

    private final Map<Long, Watched> watched = new LinkedHashMap<>();
    /** Counts changes to the PIDs to watch: the hub makes the sampler's watch list again when it moves. */
    private long version;

    /** Watches this PID from the next tick on; an exited one kept under the same PID is replaced. False when already watched. */
    boolean add(long pid) {
        Watched w = watched.get(pid);
        if (w != null && !w.exited) {
            return false;
        }
        watched.remove(pid);
        watched.put(pid, new Watched());
        version++;
        return true;
    }

    /** Stops watching this PID (live or exited); false when it was not attached. */
    boolean remove(long pid) {
        Watched w = watched.remove(pid);
        if (w != null && !w.exited) {
            version++;
        }
        return w != null;
    }

    /** Forgets every attached process that exited; how many there were. */
    int clearExited() {
        int before = watched.size();
        watched.values().removeIf(w -> w.exited);
        return before - watched.size();
    }

    /** Whether this PID is attached and still watched (not exited). */
    boolean watching(long pid) {
        Watched w = watched.get(pid);
        return w != null && !w.exited;
    }

    /** The PIDs the sampler is to read for them, in the order they were attached. */
    List<Long> live() {
        List<Long> out = new ArrayList<>();
        for (Map.Entry<Long, Watched> e : watched.entrySet()) {
            if (!e.getValue().exited) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    long version() {
        return version;
    }

    /**
     * Takes a good measurement in: each attached process read is kept as its last figures; one that is
     * gone (no process, a zombie, its PID now another process's) is marked exited; one that could not
     * be read at its first sight is dropped. Returns what the events are to say, in order.
     */
    List<String> measured(Measurement m) {
        List<String> news = new ArrayList<>();
        for (ProcessSample p : m.processes()) {
            Watched w = Attached.is(p) ? watched.get(p.pid()) : null;
            if (w == null || w.exited) {
                continue;
            }
            String name = w.last != null ? w.last.name() : p.name();
            String label = Attached.label(p.pid(), name);
            String gone = gone(w.last, p);
            if (gone == null) {
                if (w.last == null) {
                    news.add("watching " + label + ": " + threads(p.threadCount()) + ", attached (not a worker)");
                }
                w.last = p;
            } else if (w.last == null) {
                watched.remove(p.pid());
                version++;
                news.add("cannot watch " + label + ": " + gone);
            } else {
                w.exited = true;
                version++;
                news.add(label + " exited" + (gone.equals(EXITED) ? "" : " (" + gone + ")"));
            }
        }
        return news;
    }

    private static final String EXITED = "exited";

    /** Why this reading shows the process gone, or null while it lives: {@link #EXITED} or a reason. */
    private static String gone(ProcessSample last, ProcessSample now) {
        if (now.error() != null) {
            if (now.error().startsWith("no process")) {
                return last == null ? "no such process" : EXITED;
            }
            return last == null ? now.error() : "can no longer be read: " + now.error();
        }
        if ("Z".equals(now.state()) || "X".equals(now.state())) {
            return last == null ? "it has already exited (a zombie)" : EXITED;
        }
        if (last != null && last.startTime() != null && !Objects.equals(last.startTime(), now.startTime())) {
            return "its PID now belongs to another process";
        }
        return null;
    }

    private static String threads(int n) {
        return n < 0 ? "threads unknown" : n + (n == 1 ? " thread" : " threads");
    }

    /**
     * The snapshot's processes: the measurement's own, with each attached one as the book has it (live:
     * its newest reading; exited: its last figures, marked), in attach order.
     */
    List<ProcessSample> processes(List<ProcessSample> measured) {
        if (watched.isEmpty() && measured.stream().noneMatch(Attached::is)) {
            return measured; // the usual model: nothing attached, no new list
        }
        List<ProcessSample> out = new ArrayList<>(measured.size() + watched.size());
        for (ProcessSample p : measured) {
            if (!Attached.is(p)) {
                out.add(p);
            }
        }
        // the book's last reading is the newest measurement's (every good one passes through measured())
        for (Watched w : watched.values()) {
            if (w.last != null) {
                out.add(w.exited ? Attached.exitedFrom(w.last) : w.last);
            }
        }
        return out;
    }
}
