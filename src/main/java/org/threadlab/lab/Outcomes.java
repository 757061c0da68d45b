package org.threadlab.lab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.threadlab.shared.MappedCounter;
import org.threadlab.shared.SharedState;
import org.threadlab.text.Words;
import org.threadlab.worker.Event;
import org.threadlab.worker.SharedRounds;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/**
 * What the shared-state lessons (counter, global) show: when the last worker of a round ends, what
 * the parent sees, as an event and a record: the expected and actual count, the lost updates, or the
 * parent's untouched copy. The supervisor keeps the rounds ({@link SharedRounds}); this says what they mean.
 */
public final class Outcomes {

    /** What one round ended with. {@code actual} is what threadlab's own process reads. */
    public record Outcome(String lesson, String workers, String mode, String memory, long expected, long actual,
                          int unfinished, String text) {
        public long lost() {
            return expected - actual;
        }
    }

    private final List<Outcome> finished = new ArrayList<>();

    private Outcomes() {}

    /**
     * Watches a supervisor's rounds: each that ends is described, kept, and published as an OUTCOME
     * event, right after the end of its last worker.
     */
    public static Outcomes watch(Supervisor supervisor) {
        Outcomes o = new Outcomes();
        supervisor.onRoundEnded((round, lastWorker) -> {
            Outcome out = describe(round);
            o.add(out);
            supervisor.events().publish(Event.Type.OUTCOME, lastWorker, out.text());
        });
        return o;
    }

    private synchronized void add(Outcome o) {
        finished.add(o);
        if (finished.size() > 100) {
            finished.remove(0);
        }
    }

    /** Outcomes of the rounds that ended, oldest first (the newest 100). */
    public synchronized List<Outcome> finished() {
        return List.copyOf(finished);
    }

    /** Reads what the parent sees now that the round is over, and says it. */
    static Outcome describe(SharedRounds.Round r) {
        long expected = 0;
        int unfinished = 0;
        int threads = 0;
        int processes = 0;
        String mode = null;
        Set<String> names = new HashSet<>();
        Set<WorkerKind> kinds = new HashSet<>();
        for (SharedRounds.Member m : r.members()) {
            WorkerInfo w = m.worker();
            names.add(w.name());
            kinds.add(w.kind());
            if (w.kind() == WorkerKind.PROCESS) {
                processes++;
            } else {
                threads++;
            }
            mode = m.part().mode();
            if (w.state() == WorkerState.FINISHED) {
                expected += m.part().each();
            } else {
                unfinished++;
            }
        }
        // a round of one kind says it as the screen and run's summary do ("4 virtual threads"); platform and virtual together are threads
        String who = processes > 0 ? Words.count(processes, "process")
                : kinds.size() == 1 ? Words.count(threads, kinds.iterator().next().noun()) : Words.count(threads, "thread");
        boolean copy = r.scope() == SharedRounds.Scope.COPY;
        String memory = copy ? "plain" : "shared";
        long actual;
        if (r.counter()) {
            if (r.scope() == SharedRounds.Scope.SHARED_FILE) {
                try (MappedCounter c = new MappedCounter(r.file())) {
                    actual = c.get();
                }
            } else {
                actual = SharedState.counter(r.group()).get() - (copy ? r.baseline() : 0);
            }
        } else {
            // count only this round's entries: threads of the same group may be appending alongside
            actual = 0;
            synchronized (SharedState.list(r.group())) {
                for (String entry : SharedState.list(r.group())) {
                    if (names.contains(entry.substring(0, Math.max(0, entry.indexOf(':'))))) {
                        actual++;
                    }
                }
            }
        }
        String late = unfinished > 0 ? " (" + unfinished + " did not finish and are not counted)" : "";
        String text;
        if (r.counter() && copy) {
            text = "counter, " + who + ", plain memory: the parent's counter " + (r.sharedWithThreads()
                    ? "changed by " + actual + ", all from threads of group " + r.group() + " that ran meanwhile"
                    : "reads " + actual) + "; each child incremented its own copy (" + expected + " in all)" + late;
        } else if (r.counter()) {
            long lost = expected - actual;
            text = "counter, " + who + (r.scope() == SharedRounds.Scope.SHARED_FILE ? ", shared memory" : "") + ", " + mode + ": expected " + expected
                    + ", got " + actual + ", lost " + lost
                    + (expected > 0 && lost > 0 ? String.format(Locale.ROOT, " (%.1f%%)", 100.0 * lost / expected) : "") + late;
        } else if (copy) {
            text = "global, " + who + ": the parent's list has " + actual + " of " + expected
                    + " items; each child appended to its own copy" + late;
        } else {
            text = "global, " + who + ": the parent's list has " + actual + " of " + expected + " items" + late;
        }
        return new Outcome(r.lesson(), who, mode, memory, expected, actual, unfinished, text);
    }
}
