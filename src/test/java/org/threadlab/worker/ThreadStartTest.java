package org.threadlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.condition.OS;
import org.threadlab.work.WorkloadSpec;

/**
 * A thread worker's start path reads its native TID from its own stat file and makes virtual threads
 * with builder methods looked up once: the TID and the name the screen shows must still be right.
 */
class ThreadStartTest {

    /** The kernel's name of a thread of this process: the first 15 characters of the Java name. */
    private static String comm(long tid) throws Exception {
        return Files.readString(Path.of("/proc/self/task/" + tid + "/comm")).trim();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theStatGivesTheCallingThreadsOwnTidAsTheFullPathDoes() throws Exception {
        int n = 8;
        AtomicLongArray link = new AtomicLongArray(n);
        AtomicLongArray full = new AtomicLongArray(n);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            Thread t = new Thread(() -> {
                link.set(k, NativeThreadId.fromStat());
                full.set(k, NativeThreadId.fromProc());
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // asked to end
                }
            }, "tidcheck-" + i);
            t.start();
            threads.add(t);
        }
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            for (int i = 0; i < n; i++) {
                while (full.get(i) == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertTrue(link.get(i) > 0, "thread " + i + " read its TID");
                assertEquals(full.get(i), link.get(i), "thread " + i);
                assertEquals("tidcheck-" + i, comm(link.get(i)));
            }
            assertEquals(n, new HashSet<>(toList(link)).size(), "each thread its own TID");
        } finally {
            threads.forEach(Thread::interrupt);
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void workersStartedTogetherEachShowTheirOwnThreadAndName() throws Exception {
        try (Supervisor s = new Supervisor()) {
            List<WorkerInfo> started = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                started.add(s.spawn(WorkerKind.THREAD, WorkloadSpec.of("sleep").with("duration", "30s"), true));
            }
            Set<Long> tids = new HashSet<>();
            for (WorkerInfo w : started) {
                WorkerInfo live = AwaitWorker.withTid(s, w.id());
                assertEquals(ProcessHandle.current().pid(), live.pid());
                assertTrue(tids.add(live.tid()), "a TID of its own: " + live);
                // the kernel's thread of that TID is the worker's: it carries the worker's name
                assertEquals(live.name().length() > 15 ? live.name().substring(0, 15) : live.name(), comm(live.tid()));
            }
            s.terminateAll();
            s.joinAll(Duration.ofSeconds(10));
        }
    }

    @Test
    void aThreadWorkersStartIsPublishedByTheThreadThatStartedItAndBeforeItsEnd() throws Exception {
        try (Supervisor s = new Supervisor()) {
            java.util.Map<Integer, String> publishedOn = new java.util.concurrent.ConcurrentHashMap<>();
            List<Event> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            s.events().subscribe(e -> {
                seen.add(e);
                if (e.type() == Event.Type.STARTED) {
                    publishedOn.put(e.workerId(), Thread.currentThread().getName());
                }
            });
            List<WorkerInfo> started = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                // half sleep, half end at once: the end may come before the spawner publishes the start
                started.add(s.spawn(WorkerKind.THREAD, WorkloadSpec.of("sleep").with("duration", i % 2 == 0 ? "30s" : "1ms"), true));
            }
            for (int i = 0; i < started.size(); i += 2) {
                // what a sleeping worker's own thread ran stays on its stack: the event is not made there
                // (a worker that ended first publishes its start itself, before its end: checked below)
                WorkerInfo w = started.get(i);
                assertEquals(Thread.currentThread().getName(), publishedOn.get(w.id()), "the start of " + w.name());
            }
            s.terminateAll();
            s.joinAll(Duration.ofSeconds(10));
            for (WorkerInfo w : started) {
                List<Event.Type> own = seen.stream().filter(e -> e.workerId() == w.id()).map(Event::type).toList();
                assertEquals(1, own.stream().filter(t -> t == Event.Type.STARTED).count(), w.name() + ": " + own);
                assertEquals(Event.Type.STARTED, own.get(0), w.name() + ": " + own);
            }
        }
    }

    @Test
    @Tag("jdk21")
    @EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "virtual threads need Java 21 or newer")
    void virtualThreadsMadeWithTheBuilderLookedUpOnceHaveTheirNames() throws Exception {
        for (int i = 0; i < 3; i++) {
            Thread t = VirtualThreads.unstarted("virt-" + i, () -> { });
            assertEquals("virt-" + i, t.getName());
            assertTrue((Boolean) Thread.class.getMethod("isVirtual").invoke(t), "a virtual thread");
        }
    }

    private static List<Long> toList(AtomicLongArray a) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < a.length(); i++) {
            out.add(a.get(i));
        }
        return out;
    }
}
