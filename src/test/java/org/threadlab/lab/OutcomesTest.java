package org.threadlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.shared.SharedState;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.WorkloadType;
import org.threadlab.worker.SharedRounds;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/** What a round's outcome says about who ran it. */
class OutcomesTest {
    private static SharedRounds.Round round(String group, WorkerKind... kinds) {
        List<SharedRounds.Member> members = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            WorkerInfo w = new WorkerInfo(i + 1, "counter-" + (i + 1), kinds[i], WorkloadSpec.of("counter"), false, WorkerState.FINISHED,
                    null, Instant.EPOCH, null, 0, 0, 100, 101, 5, -1, null, null, List.of(), false);
            members.add(new SharedRounds.Member(w, new WorkloadType.SharedRound("counter", group, false, "atomic", 10)));
        }
        return new SharedRounds.Round("counter", group, SharedRounds.Scope.JVM, null, 0, false, members);
    }

    @Test
    void aRoundSaysItsWorkersAsTheScreenDoes() {
        SharedState.counter("outcomes-test").reset();
        assertEquals("4 virtual threads", Outcomes.describe(round("outcomes-test", WorkerKind.VIRTUAL, WorkerKind.VIRTUAL,
                WorkerKind.VIRTUAL, WorkerKind.VIRTUAL)).workers());
        assertEquals("2 threads", Outcomes.describe(round("outcomes-test", WorkerKind.THREAD, WorkerKind.THREAD)).workers());
        assertEquals("2 threads", Outcomes.describe(round("outcomes-test", WorkerKind.THREAD, WorkerKind.VIRTUAL)).workers(),
                "platform and virtual together are threads");
    }

    /**
     * The lesson's symptom ("2 threads" told as two outcomes of "1 thread"): threads started together
     * have one outcome counting them all, even when each ends at once. Repeated: the race is timing's.
     */
    @Test
    void threadsStartedTogetherHaveOneOutcomeEvenWhenEachEndsAtOnce() throws Exception {
        try (org.threadlab.worker.Supervisor s = new org.threadlab.worker.Supervisor()) {
            Outcomes outcomes = Outcomes.watch(s);
            org.threadlab.work.TypedSpec tiny = org.threadlab.work.Workloads.parse(
                    WorkloadSpec.parse("counter mode=unsafe increments=1 group=outcomes-split"));
            for (int i = 0; i < 100; i++) {
                s.spawnRound(WorkerKind.THREAD, tiny, 3, false);
                s.joinAll(java.time.Duration.ofSeconds(30));
                List<Outcomes.Outcome> all = outcomes.finished();
                assertEquals(i + 1, all.size(), all.stream().map(Outcomes.Outcome::text).toList().toString());
                assertEquals("3 threads", all.get(i).workers());
                assertEquals(3, all.get(i).expected());
            }
        }
    }
}
