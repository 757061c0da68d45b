package org.threadlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.child.ChildMain;
import org.threadlab.worker.child.Protocol;

/** Warm spares: taken by a process worker that matches, left for one that does not, refilled, and gone with threadlab. */
@ExtendWith(NoChildrenLeft.class)
class SparePoolTest {

    /** The spares once {@code until} holds of them (within 30 s: JVMs start slowly on a busy machine), or the test fails. */
    private static List<SparePool.SpareInfo> awaitSpares(Supervisor s, Predicate<List<SparePool.SpareInfo>> until, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<SparePool.SpareInfo> now = s.spares();
        while (!until.test(now) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            now = s.spares();
        }
        assertTrue(until.test(now), what + ": " + now);
        return now;
    }

    private static long ready(List<SparePool.SpareInfo> spares) {
        return spares.stream().filter(SparePool.SpareInfo::ready).count();
    }

    @Test
    void aSpawnWithASpareReadyRunsInItAndTheSpareIsReplaced() throws Exception {
        try (Supervisor s = new Supervisor()) {
            s.keepSpares(1);
            long spare = awaitSpares(s, l -> ready(l) == 1, "one spare ready").get(0).pid();
            WorkerInfo w = s.spawn(WorkerKind.PROCESS, WorkloadSpec.of("sleep").with("duration", "300ms"), false);
            assertEquals(spare, w.pid(), "the worker's PID is the spare's");
            assertTrue(s.ranInSpare(w.id()));
            WorkerInfo live = AwaitWorker.withTid(s, w.id());
            assertTrue(s.helloNanos(w.id()) != 0, "the hello's time is kept");
            if (Files.exists(Path.of("/proc/" + w.pid()))) {
                // the work thread the hand-over started carries the worker's name, as a cold child's does
                assertEquals("sleep-1", Files.readString(Path.of("/proc/" + w.pid() + "/task/" + live.tid() + "/comm")).trim());
                String cmd = Files.readString(Path.of("/proc/" + w.pid() + "/cmdline")).replace('\0', ' ');
                assertTrue(cmd.contains("-Dthreadlab.worker="), cmd);
            }
            // a replacement starts in the background: another process, ready
            awaitSpares(s, l -> ready(l) == 1 && l.get(0).pid() != spare, "a new spare ready");
            JoinResult j = s.join(w.id(), Duration.ofSeconds(20));
            assertEquals(WorkerState.FINISHED, j.worker().state(), String.valueOf(j.worker()));
            assertEquals("slept 300ms", j.worker().result());
            assertEquals(0, j.worker().exitCode());
            assertTrue(j.worker().cpuNanos() >= 0, "its CPU is reported (in clock ticks: a short sleep may use none)");
            assertTrue(s.events().recent(50).stream().anyMatch(e -> e.text().contains("(pid " + spare + ", a warm spare)")),
                    "the start event says it was a spare");
        }
    }

    @Test
    void aWorkerInASpareStopsAndTerminatesAsAColdOneDoes() throws Exception {
        WorkloadSpec longSleep = WorkloadSpec.of("sleep").with("duration", "60s");
        try (Supervisor s = new Supervisor()) {
            s.keepSpares(2);
            awaitSpares(s, l -> ready(l) == 2, "two spares ready");
            WorkerInfo asked = s.spawn(WorkerKind.PROCESS, longSleep, false);
            WorkerInfo termed = s.spawn(WorkerKind.PROCESS, longSleep, false);
            assertTrue(s.ranInSpare(asked.id()) && s.ranInSpare(termed.id()));
            AwaitWorker.withTid(s, asked.id());
            AwaitWorker.withTid(s, termed.id());
            // "stop" goes down the same pipe the work came by, to the same reader
            s.cancel(asked.id());
            WorkerInfo stopped = s.join(asked.id(), Duration.ofSeconds(20)).worker();
            assertEquals(WorkerState.TERMINATED, stopped.state());
            assertEquals("stopped on request", stopped.reason());
            WorkerInfo end = s.terminate(termed.id()).get();
            assertEquals(WorkerState.TERMINATED, end.state());
            assertEquals("terminated by SIGTERM", end.reason());
            assertEquals(143, end.exitCode());
        }
    }

    @Test
    void theSparesOwnStartUpIsNotTheWorksCpu() throws Exception {
        WorkloadSpec sleep = WorkloadSpec.of("sleep").with("duration", "200ms");
        long cold;
        try (Supervisor s = new Supervisor()) {
            cold = s.join(s.spawn(WorkerKind.PROCESS, sleep, false).id(), Duration.ofSeconds(30)).worker().cpuNanos();
        }
        try (Supervisor s = new Supervisor()) {
            s.keepSpares(1);
            awaitSpares(s, l -> ready(l) == 1, "one spare ready");
            WorkerInfo w = s.spawn(WorkerKind.PROCESS, sleep, false);
            long warm = s.join(w.id(), Duration.ofSeconds(30)).worker().cpuNanos();
            assertTrue(s.ranInSpare(w.id()));
            // a cold child's CPU is mostly its JVM's start-up; the spare's happened before it was asked for
            assertTrue(warm >= 0 && warm < cold / 2, "warm " + warm + " ns, cold " + cold + " ns");
        }
    }

    @Test
    void aCommandWithSpacesReachesTheSpareWhole() throws Exception {
        try (Supervisor s = new Supervisor()) {
            s.keepSpares(1);
            long spare = awaitSpares(s, l -> ready(l) == 1, "one spare ready").get(0).pid();
            WorkerInfo w = s.spawn(WorkerKind.PROCESS, WorkloadSpec.of("exec").with("cmd", "/bin/echo one  two 100%"), false);
            JoinResult j = s.join(w.id(), Duration.ofSeconds(20));
            assertTrue(s.ranInSpare(w.id()));
            assertTrue(s.events().recent(50).stream().anyMatch(e -> e.text().contains("run by watchdog pid " + spare)),
                    "the spare was the program's watchdog");
            assertEquals(WorkerState.FINISHED, j.worker().state(), String.valueOf(j.worker()));
            assertTrue(j.worker().result().contains("one two 100%"), j.worker().result());
        }
    }

    @Test
    void aRequestASpareCannotHonourStartsCold() throws Exception {
        try (Supervisor s = new Supervisor()) {
            s.keepSpares(1);
            long spare = awaitSpares(s, l -> ready(l) == 1, "one spare ready").get(0).pid();
            // stubborn: its SIGTERM handling is fixed when its JVM starts, and a spare's is the default
            WorkerInfo w = s.spawn(WorkerKind.PROCESS, WorkloadSpec.of("cpu").with("units", "100").with("stubborn", "true"), false);
            assertNotEquals(spare, w.pid());
            assertFalse(s.ranInSpare(w.id()));
            AwaitWorker.withTid(s, w.id());
            List<SparePool.SpareInfo> still = s.spares();
            assertEquals(1, still.size());
            assertEquals(spare, still.get(0).pid(), "the spare is still there, unused");
            s.kill(w.id()).get();
        }
    }

    @Test
    void sparesAreGoneAfterClose() throws Exception {
        List<SparePool.SpareInfo> spares;
        try (Supervisor s = new Supervisor()) {
            s.keepSpares(2);
            spares = awaitSpares(s, l -> ready(l) == 2, "two spares ready");
        }
        for (SparePool.SpareInfo spare : spares) {
            assertFalse(ProcessHandle.of(spare.pid()).map(ProcessHandle::isAlive).orElse(false), "spare " + spare.pid() + " gone");
        }
    }

    @Test
    void aSpareKilledFromOutsideIsReplaced() throws Exception {
        try (Supervisor s = new Supervisor()) {
            s.keepSpares(1);
            long spare = awaitSpares(s, l -> ready(l) == 1, "one spare ready").get(0).pid();
            ProcessHandle.of(spare).orElseThrow().destroyForcibly();
            awaitSpares(s, l -> ready(l) == 1 && l.get(0).pid() != spare, "a new spare in place of the killed one");
        }
    }

    @Test
    void sparesThatKeepDyingStopAfterThreeWithAWarningAndWorkersStartCold() throws Exception {
        try (Supervisor s = new Supervisor()) {
            // a "java" that exits at once: every spare dies before it says it is ready
            String before = System.getProperty(org.threadlab.worker.child.ChildCommand.JAVA_PROPERTY);
            System.setProperty(org.threadlab.worker.child.ChildCommand.JAVA_PROPERTY, "/bin/false");
            try {
                s.keepSpares(2);
            } finally {
                if (before == null) {
                    System.clearProperty(org.threadlab.worker.child.ChildCommand.JAVA_PROPERTY);
                } else {
                    System.setProperty(org.threadlab.worker.child.ChildCommand.JAVA_PROPERTY, before);
                }
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (s.events().recent(50).stream().noneMatch(e -> e.type() == Event.Type.WARNING) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<Event> warnings = s.events().recent(50).stream().filter(e -> e.type() == Event.Type.WARNING).toList();
            assertEquals(1, warnings.size(), String.valueOf(warnings));
            assertTrue(warnings.get(0).text().startsWith("spares: 3 spare JVMs in a row died before they were ready"), warnings.get(0).text());
            assertEquals(List.of(), s.spares());
            WorkerInfo w = s.spawn(WorkerKind.PROCESS, WorkloadSpec.of("sleep").with("duration", "100ms"), false);
            assertFalse(s.ranInSpare(w.id()));
            assertEquals(WorkerState.FINISHED, s.join(w.id(), Duration.ofSeconds(30)).worker().state());
        }
    }

    @Test
    void theCountIsChecked() {
        try (Supervisor s = new Supervisor()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.keepSpares(SparePool.MAX + 1));
            assertEquals("spares must be between 0 and " + SparePool.MAX + ", not " + (SparePool.MAX + 1), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> s.keepSpares(-1));
            s.keepSpares(0);
            assertEquals(List.of(), s.spares());
            assertEquals(0, s.sparesKept());
        }
    }

    @Test
    void theWorkLineCarriesTheColdArgumentsAndOnlyTheFlagsDecide() {
        List<String> cold = List.of("java", "-Dthreadlab.worker=7", "-XX:+UseSerialGC", "-cp", "x", ChildMain.class.getName(),
                "exec-7", "exec", "cmd=/bin/echo a b", "--gil=5000000");
        assertEquals("work 7 exec-7 exec cmd=/bin/echo%20a%20b --gil=5000000", SparePool.workLine(cold));
        assertEquals(List.of("java", "-XX:+UseSerialGC", "-cp", "x"), SparePool.flags(cold));
        for (String word : List.of("a b", "100%", "tab\there", "ü ∑", "")) {
            assertEquals(word, Protocol.decodeWord(Protocol.encodeWord(word)));
            assertFalse(Protocol.encodeWord(word).contains(" "));
        }
    }

    @Test
    void sparesStartedBeforeTheChildrensJvmChangedAreReplacedByOnesThatFit() throws Exception {
        // a class-data archive made on first use changes a cold child's flags: old spares would never be taken
        List<String> before = org.threadlab.worker.child.ChildCommand.spare("spare");
        List<String> after = new java.util.ArrayList<>(before);
        after.add(1, "-Dthreadlab.test.jvm=changed");
        java.util.concurrent.atomic.AtomicReference<List<String>> now = new java.util.concurrent.atomic.AtomicReference<>(before);
        SparePool pool = new SparePool(1, w -> { }, now::get);
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (pool.spares().stream().noneMatch(SparePool.SpareInfo::ready) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long oldPid = pool.spares().get(0).pid();
            now.set(after);
            List<String> cold = new java.util.ArrayList<>(org.threadlab.worker.child.ChildCommand.build("7", "sleep-7",
                    org.threadlab.work.Workloads.parse(WorkloadSpec.of("sleep")), 0, false, 0));
            cold.add(1, "-Dthreadlab.test.jvm=changed");
            assertEquals(null, pool.take(cold), "no spare of the new kind yet: a cold start");
            SparePool.Spare taken = null;
            while (taken == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
                taken = pool.take(cold);
            }
            assertTrue(taken != null, "a spare of the new kind was started and taken");
            assertNotEquals(oldPid, taken.pid());
            assertTrue(taken.process.info().arguments().map(a -> List.of(a).contains("-Dthreadlab.test.jvm=changed")).orElse(true));
            long old = oldPid;
            assertTrue(ProcessHandle.of(old).map(p -> { try { return p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS) != null; }
                    catch (Exception e) { return false; } }).orElse(true), "the old spare ended");
            taken.toChild.close();
            taken.process.destroyForcibly().waitFor();
        } finally {
            pool.close();
        }
    }
}
