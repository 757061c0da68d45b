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
}
