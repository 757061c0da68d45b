package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.condition.OS;
import org.threadlab.sample.Sampler;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.Workloads;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerKind;

/**
 * Rounds of virtual threads measured for real: their CPU is their carrier threads', checked against the
 * kernel's count of this process over the same window; a round that shared the carriers says "not
 * measured". Java 21+ (tag "jdk21": `.ci/run` runs them on a newer JDK).
 */
@Tag("jdk21")
@EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "virtual threads need Java 21 or newer")
@EnabledOnOs(OS.LINUX)
class LiveVirtualRoundsTest {
    private static final long DEADLINE_NANOS = LiveRounds.DEADLINE_NANOS;

    /** This process's utime+stime from /proc/self/stat, in nanoseconds (100 jiffies a second). */
    private static long kernelSelfNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    }

    /** Ticks until the round's figures are final, with a deadline that fails loudly. */
    private static Round settled(ModelHub hub, int id) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (true) {
            Round r = hub.sampleNow().round(id).orElseThrow();
            if (r.verdict() != null) {
                return r;
            }
            assertTrue(System.nanoTime() < deadline, "round #" + id + " did not settle in time");
            Thread.sleep(20);
        }
    }


    @Test
    void aVirtualRoundsCpuIsItsCarriersAsTheKernelCountsIt() throws Exception {
        try (Supervisor supervisor = new Supervisor();
             ModelHub hub = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), supervisor)) {
            supervisor.setGil(false);
            var spec = Workloads.parse(WorkloadSpec.of("cpu").with("units", "0.5"));
            hub.sampleNow();
            long before = kernelSelfNanos();
            int id = supervisor.spawnRound(WorkerKind.VIRTUAL, spec, 2, false).round().id();
            LiveRounds.awaitEnd(supervisor, id);
            long kernel = kernelSelfNanos() - before;
            Round r = settled(hub, id);
            assertTrue(kernel > 300_000_000L, "two half-units of CPU, as the kernel counts: " + kernel);
            // the rest of this JVM (the sampler, the JIT, GC) adds to the kernel's figure, never to the round's
            assertTrue(r.cpuNanos() >= 0.6 * kernel && r.cpuNanos() <= kernel + 50_000_000L,
                    "the round's CPU " + r.cpuNanos() + " vs the kernel's " + kernel);
            assertTrue(r.coresBusy() > 0.3, "cores busy: " + r.coresBusy() + "; " + r.verdict());
        }
    }

    @Test
    void aVirtualRoundBesideOtherVirtualThreadsIsNotMeasured() throws Exception {
        try (Supervisor supervisor = new Supervisor();
             ModelHub hub = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), supervisor)) {
            var spec = Workloads.parse(WorkloadSpec.of("cpu").with("units", "0.3"));
            int first = supervisor.spawnRound(WorkerKind.VIRTUAL, spec, 1, false).round().id();
            int second = supervisor.spawnRound(WorkerKind.VIRTUAL, spec, 1, false).round().id();
            LiveRounds.awaitEnd(supervisor, first);
            LiveRounds.awaitEnd(supervisor, second);
            for (int id : new int[] {first, second}) {
                Round r = settled(hub, id);
                assertEquals(-1, r.cpuNanos(), "the two shared the carriers: neither can say its own CPU");
                assertTrue(Double.isNaN(r.coresBusy()), String.valueOf(r.coresBusy()));
            }
        }
    }
}
