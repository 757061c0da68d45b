package org.threadlab.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.threadlab.work.CounterWork;
import org.threadlab.work.TypedSpec;
import org.threadlab.work.WorkloadType;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/**
 * Watches rounds of the shared-state lessons (counter, global) and, when the last worker of a
 * round ends, says what the parent sees: the expected and actual count, the lost updates, or the
 * parent's untouched copy. A round is the workers of one workload and group that ran together in
 * one place: this JVM's memory, a shared-memory file, or each child's own copy.
 */
public final class Outcomes {

    /** What one round ended with. {@code actual} is what threadlab's own process reads. */
    public record Outcome(String lesson, String workers, String mode, String memory, long expected, long actual,
                          int unfinished, String text) {
        public long lost() {
            return expected - actual;
        }
    }

    private static final class Round {
        final String type;
        final String group;
        final String scope;
        final Path file;
        /** The parent's counter when the round began: a copy round reports only what changed since. */
        long baseline;
        /** Threads of the same group ran during this copy round: the parent's counter moved, but not because of us. */
        boolean sharedWithThreads;
        final Set<Integer> alive = new HashSet<>();
        final List<Integer> members = new ArrayList<>();
        /** What each member adds when it finishes, read once at its spawn. */
        final Map<Integer, WorkloadType.SharedRound> each = new HashMap<>();

        Round(String type, String group, String scope, Path file) {
            this.type = type;
            this.group = group;
            this.scope = scope;
            this.file = file;
        }
    }

    private final Map<String, Round> rounds = new HashMap<>();
    private final Map<Integer, Round> byWorker = new HashMap<>();
    private final List<Outcome> finished = new ArrayList<>();
    private Path dir;
    private int roundNo;

    private static String scope(WorkerKind kind, WorkloadType.SharedRound round) {
        if (kind.inThisJvm()) {
            return "jvm";
        }
        return round.sharedFile() ? "shm" : "copy";
    }

    /**
     * Registers a worker about to start and returns the spec it should run with (a process that
     * shares memory gets the round's file). Starts a new round, with fresh state, when none is running.
     */
    public synchronized TypedSpec register(int id, WorkerKind kind, TypedSpec spec) {
        WorkloadType.SharedRound shared = spec.type().sharedRound(spec);
        if (shared == null) {
            return spec;
        }
        String group = shared.group();
        String scope = scope(kind, shared);
        String key = shared.lesson() + "/" + group + "/" + scope;
        Round round = rounds.get(key);
        if (round == null || round.alive.isEmpty()) {
            round = new Round(shared.lesson(), group, scope, scope.equals("shm") ? newFile(group) : null);
            rounds.put(key, round);
            if (!jvmRoundRunning(shared.lesson(), group)) {
                // the parent's own copy starts each round at zero, so "still 0" means what it says
                if (shared.counter()) {
                    SharedState.counter(group).reset();
                } else {
                    SharedState.list(group).clear();
                }
            }
            round.baseline = SharedState.counter(group).get();
            round.sharedWithThreads = scope.equals("copy") && jvmRoundRunning(shared.lesson(), group);
        }
        if (scope.equals("jvm")) {
            Round copy = rounds.get(shared.lesson() + "/" + group + "/copy");
            if (copy != null && !copy.alive.isEmpty()) {
                copy.sharedWithThreads = true;
            }
        }
        round.alive.add(id);
        round.members.add(id);
        byWorker.put(id, round);
        round.each.put(id, shared);
        return round.file == null ? spec : spec.with(CounterWork.FILE, round.file.toString());
    }

    private boolean jvmRoundRunning(String type, String group) {
        Round r = rounds.get(type + "/" + group + "/jvm");
        return r != null && !r.alive.isEmpty();
    }

    /** Forgets a worker that could not be started. */
    public synchronized void unregister(int id) {
        Round r = byWorker.remove(id);
        if (r != null) {
            r.alive.remove(id);
            r.members.remove(Integer.valueOf(id));
            r.each.remove(id);
        }
    }

    /** A worker ended; when it was the last of its round, the round's outcome. */
    public synchronized Optional<Outcome> ended(WorkerInfo worker, Map<Integer, WorkerInfo> all) {
        Round r = byWorker.get(worker.id());
        if (r == null || !r.alive.remove(worker.id()) || !r.alive.isEmpty()) {
            return Optional.empty();
        }
        Outcome o = describe(r, all);
        finished.add(o);
        if (finished.size() > 100) {
            finished.remove(0);
        }
        for (Integer id : r.members) {
            byWorker.remove(id);
        }
        return Optional.of(o);
    }

    /** Outcomes of the rounds that ended, oldest first (the newest 100). */
    public synchronized List<Outcome> finished() {
        return List.copyOf(finished);
    }

    private Outcome describe(Round r, Map<Integer, WorkerInfo> all) {
        long expected = 0;
        int unfinished = 0;
        int threads = 0;
        int processes = 0;
        String mode = null;
        Set<String> names = new HashSet<>();
        for (Integer id : r.members) {
            WorkerInfo w = all.get(id);
            if (w == null) {
                continue;
            }
            names.add(w.name());
            if (w.kind() == WorkerKind.PROCESS) {
                processes++;
            } else {
                threads++;
            }
            WorkloadType.SharedRound shared = r.each.get(id);
            mode = shared.mode();
            if (w.state() == WorkerState.FINISHED) {
                expected += shared.each();
            } else {
                unfinished++;
            }
        }
        String who = processes > 0 ? processes + (processes == 1 ? " process" : " processes") : threads + (threads == 1 ? " thread" : " threads");
        String memory = r.scope.equals("jvm") ? "shared" : r.scope.equals("shm") ? "shared" : "plain";
        long actual;
        if (r.type.equals("counter")) {
            if (r.scope.equals("shm")) {
                try (MappedCounter c = new MappedCounter(r.file)) {
                    actual = c.get();
                }
            } else {
                actual = SharedState.counter(r.group).get() - (r.scope.equals("copy") ? r.baseline : 0);
            }
        } else {
            // count only this round's entries: threads of the same group may be appending alongside
            actual = 0;
            synchronized (SharedState.list(r.group)) {
                for (String entry : SharedState.list(r.group)) {
                    if (names.contains(entry.substring(0, Math.max(0, entry.indexOf(':'))))) {
                        actual++;
                    }
                }
            }
        }
        String late = unfinished > 0 ? " (" + unfinished + " did not finish and are not counted)" : "";
        String text;
        if (r.type.equals("counter") && r.scope.equals("copy")) {
            text = "counter, " + who + ", plain memory: the parent's counter " + (r.sharedWithThreads
                    ? "changed by " + actual + ", all from threads of group " + r.group + " that ran meanwhile"
                    : "reads " + actual) + "; each child incremented its own copy (" + expected + " in all)" + late;
        } else if (r.type.equals("counter")) {
            long lost = expected - actual;
            text = "counter, " + who + (r.scope.equals("shm") ? ", shared memory" : "") + ", " + mode + ": expected " + expected
                    + ", got " + actual + ", lost " + lost
                    + (expected > 0 && lost > 0 ? String.format(Locale.ROOT, " (%.1f%%)", 100.0 * lost / expected) : "") + late;
        } else if (r.scope.equals("copy")) {
            text = "global, " + who + ": the parent's list has " + actual + " of " + expected
                    + " items; each child appended to its own copy" + late;
        } else {
            text = "global, " + who + ": the parent's list has " + actual + " of " + expected + " items" + late;
        }
        return new Outcome(r.type, who, mode, memory, expected, actual, unfinished, text);
    }

    private Path newFile(String group) {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("threadlab-shm-");
                dir.toFile().deleteOnExit();
            }
            Path f = dir.resolve(group + "-" + (++roundNo) + ".counter");
            Files.write(f, new byte[4096]);
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a shared-memory file: " + e.getMessage(), e);
        }
    }
}
