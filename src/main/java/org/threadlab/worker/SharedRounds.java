package org.threadlab.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.threadlab.shared.SharedState;
import org.threadlab.work.CounterWork;
import org.threadlab.work.TypedSpec;
import org.threadlab.work.WorkloadType;

/**
 * The rounds of the shared-state lessons (counter, global), as far as starting workers needs them:
 * which workers run together in one place (this JVM's memory, a shared-memory file, or each child's
 * own copy), the file a round's processes map, and the parent's copy reset when a round begins. What
 * a finished round means is said above this layer (lab's Outcomes), from the {@link Round} it gets.
 * Workers of one {@code spawnRound} are one shared-state round: it stays open until that spawnRound has
 * started all of them ({@link #opened}), however fast the first of them finishes.
 */
public final class SharedRounds {

    /** Where a round's workers keep the counter or list. */
    public enum Scope { JVM, SHARED_FILE, COPY }

    /**
     * A round whose last worker ended.
     *
     * @param baseline          the parent's counter when the round began (a copy round counts only what changed since)
     * @param sharedWithThreads threads of the same group ran during this copy round: the parent's counter moved, not because of it
     * @param members           its workers as they ended, each with what it was to add
     */
    public record Round(String lesson, String group, Scope scope, Path file, long baseline, boolean sharedWithThreads,
                        List<Member> members) {
        public boolean counter() {
            return lesson.equals("counter");
        }
    }

    /** A worker of a round and its part, read once when it was spawned. */
    public record Member(WorkerInfo worker, WorkloadType.SharedRound part) {}

    private static final class Open {
        final String lesson;
        final String group;
        final Scope scope;
        final Path file;
        long baseline;
        boolean sharedWithThreads;
        final Set<Integer> alive = new HashSet<>();
        final Map<Integer, WorkloadType.SharedRound> members = new java.util.LinkedHashMap<>();
        /** The spawnRounds still starting workers into it: it cannot end before they are all started. */
        final Set<Integer> opening = new HashSet<>();
        int lastEnded;

        Open(String lesson, String group, Scope scope, Path file) {
            this.lesson = lesson;
            this.group = group;
            this.scope = scope;
            this.file = file;
        }

        /** Workers of it still run, or a spawnRound is still starting some. */
        boolean running() {
            return !alive.isEmpty() || !opening.isEmpty();
        }
    }

    private final Map<String, Open> rounds = new HashMap<>();
    private final Map<Integer, Open> byWorker = new HashMap<>();
    private Path dir;
    private int roundNo;

    private static Scope scope(WorkerKind kind, WorkloadType.SharedRound part) {
        return kind.inThisJvm() ? Scope.JVM : part.sharedFile() ? Scope.SHARED_FILE : Scope.COPY;
    }

    /**
     * Registers a worker about to start and returns the spec it should run with (a process that
     * shares memory gets the round's file). Starts a new round, with fresh state, when none is running.
     *
     * @param spawnRound the spawnRound starting it (0 for none): until {@link #opened} says it started
     *                   all its workers, the shared-state round stays open, so its workers are one round
     */
    synchronized TypedSpec register(int id, WorkerKind kind, TypedSpec spec, int spawnRound) {
        WorkloadType.SharedRound part = spec.type().sharedRound(spec);
        if (part == null) {
            return spec;
        }
        String group = part.group();
        Scope scope = scope(kind, part);
        String key = part.lesson() + "/" + group + "/" + scope;
        Open round = rounds.get(key);
        if (round == null || !round.running()) {
            round = new Open(part.lesson(), group, scope, scope == Scope.SHARED_FILE ? newFile(group) : null);
            rounds.put(key, round);
            if (!jvmRoundRunning(part.lesson(), group)) {
                // the parent's own copy starts each round at zero, so "still 0" means what it says
                if (part.counter()) {
                    SharedState.counter(group).reset();
                } else {
                    SharedState.list(group).clear();
                }
            }
            round.baseline = SharedState.counter(group).get();
            round.sharedWithThreads = scope == Scope.COPY && jvmRoundRunning(part.lesson(), group);
        }
        if (scope == Scope.JVM) {
            Open copy = rounds.get(part.lesson() + "/" + group + "/" + Scope.COPY);
            if (copy != null && copy.running()) {
                copy.sharedWithThreads = true;
            }
        }
        round.alive.add(id);
        round.members.put(id, part);
        if (spawnRound > 0) {
            round.opening.add(spawnRound);
        }
        byWorker.put(id, round);
        return round.file == null ? spec : spec.with(CounterWork.FILE, round.file.toString());
    }

    private boolean jvmRoundRunning(String lesson, String group) {
        Open r = rounds.get(lesson + "/" + group + "/" + Scope.JVM);
        return r != null && r.running();
    }

    /** Forgets a worker that could not be started. */
    synchronized void unregister(int id) {
        Open r = byWorker.remove(id);
        if (r != null) {
            r.alive.remove(id);
            r.members.remove(id);
        }
    }

    /** A worker ended; when it was the last of its round (and its spawnRounds started all theirs), the round. */
    synchronized Optional<Ended> ended(WorkerInfo worker, java.util.function.Supplier<Map<Integer, WorkerInfo>> all) {
        Open r = byWorker.get(worker.id());
        if (r == null || !r.alive.remove(worker.id())) {
            return Optional.empty();
        }
        r.lastEnded = worker.id();
        return close(r, all);
    }

    /**
     * A spawnRound has started all the workers it will (or was refused the rest): the shared-state rounds
     * it started workers into may end now, and those whose workers all ended already do.
     */
    synchronized List<Ended> opened(int spawnRound, java.util.function.Supplier<Map<Integer, WorkerInfo>> all) {
        List<Ended> closed = new ArrayList<>();
        // an Open stays in rounds while it is opening (only one not running is replaced), its workers or not
        for (Open r : rounds.values()) {
            if (r.opening.remove(spawnRound)) {
                close(r, all).ifPresent(closed::add);
            }
        }
        return closed;
    }

    /** A round that ended and the worker that ended last in it. */
    record Ended(Round round, int lastWorkerId) {}

    /**
     * @param workers every worker's info, read here, under this lock: read before it, by a worker's thread
     *                that ended a moment ago, it could miss a worker of the round started meanwhile
     */
    private Optional<Ended> close(Open r, java.util.function.Supplier<Map<Integer, WorkerInfo>> workers) {
        if (r.running()) {
            return Optional.empty();
        }
        Map<Integer, WorkerInfo> all = workers.get();
        List<Member> members = new ArrayList<>();
        for (Map.Entry<Integer, WorkloadType.SharedRound> m : r.members.entrySet()) {
            WorkerInfo w = all.get(m.getKey());
            if (w != null) {
                members.add(new Member(w, m.getValue()));
            }
            byWorker.remove(m.getKey());
        }
        if (members.isEmpty() || r.lastEnded == 0) {
            // none of it ran (all refused): no round to tell of
            return Optional.empty();
        }
        return Optional.of(new Ended(new Round(r.lesson, r.group, r.scope, r.file, r.baseline, r.sharedWithThreads,
                List.copyOf(members)), r.lastEnded));
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
