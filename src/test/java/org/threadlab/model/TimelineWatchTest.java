package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;
import org.threadlab.sample.SliceWatch;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.AwaitWorker;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/** What the fine timeline follows for real workers: a thread worker's TID, every thread of an exec'd program. */
@ExtendWith(NoChildrenLeft.class)
class TimelineWatchTest {

    @Test
    void anExecdProgramIsFollowedWholeAndAThreadWorkerByItsThread() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/proc/self")) && Files.isExecutable(Path.of("/bin/sleep")),
                "needs /proc and coreutils");
        try (Supervisor supervisor = new Supervisor()) {
            WorkerInfo thread = AwaitWorker.withTid(supervisor,
                    supervisor.spawn(WorkerKind.THREAD, WorkloadSpec.of("sleep").with("duration", "30s"), true).id());
            int id = supervisor.spawn(WorkerKind.PROCESS, WorkloadSpec.of("exec").with("cmd", "/bin/sleep 30"), true).id();
            // the worker is announced with the program's PID (as its thread too) once the watchdog started it
            long deadline = System.nanoTime() + 20_000_000_000L;
            WorkerInfo exec = supervisor.worker(id).orElseThrow();
            while (!(exec.pid() > 0 && exec.pid() == exec.tid()
                    && ProcessHandle.of(exec.pid()).flatMap(p -> p.info().command()).orElse("").endsWith("sleep"))) {
                assertTrue(System.nanoTime() < deadline, "the program was not announced: " + exec);
                Thread.sleep(20);
                exec = supervisor.worker(id).orElseThrow();
            }
            SliceWatch watch = TimelineBook.watch(supervisor.workers());
            assertEquals(Set.of(), watch.threadsByPid().get(exec.pid()), "every thread of the program");
            assertEquals(Set.of(thread.tid()), watch.threadsByPid().get(ProcessHandle.current().pid()));
            assertEquals(thread.javaThreadId(), watch.javaIdByTid().get(thread.tid()));
            supervisor.terminateAll();
        }
    }
}
