package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code --source oshi} against {@code --source proc} on the same child over the same window: a JVM of
 * ours with busy and sleeping threads, read by both samplers back to back at each end of the window.
 * The same TIDs and names, RSS within 2 %, CPU% within 5 points per thread and for the process, the
 * host's CPU within 5 points.
 */
class OshiCrossCheckTest {
    private static final Duration WINDOW = Duration.ofSeconds(2);

    @Test
    void oshiReadsWhatProcReadsOverTheSameWindow() throws Exception {
        Assumptions.assumeTrue(Platform.PROC_AVAILABLE, "the reference is Linux's /proc");
        Process child = startChild();
        try (Sampler proc = new Sampler(Platform.of(DataSource.PROC), WINDOW);
             Sampler oshi = new Sampler(Platform.of(DataSource.OSHI), WINDOW)) {
            assertEquals("proc", proc.sourceName());
            assertEquals("oshi", oshi.sourceName());
            long pid = child.pid();
            proc.watch(WatchList.pids(List.of(pid)));
            oshi.watch(WatchList.pids(List.of(pid)));
            awaitAllThreads(proc, pid);

            Measurement p0 = proc.sampleNow();
            Measurement o0 = oshi.sampleNow();
            long due = p0.readNanos() + WINDOW.toNanos();
            for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                TimeUnit.NANOSECONDS.sleep(wait); // the window itself, not a wait for a condition
            }
            Measurement p1 = proc.sampleNow();
            Measurement o1 = oshi.sampleNow();
            assertNull(o0.error(), "oshi's first tick: " + o0.error());

            ProcessSample p = p1.process(pid).orElseThrow();
            ProcessSample o = o1.process(pid).orElseThrow();
            assertNull(p.error(), p.error());
            assertNull(o.error(), o.error());
            String seen = "proc " + describe(p) + "\noshi " + describe(o);

            assertEquals(p.name(), o.name(), seen);
            assertEquals(p.ppid(), o.ppid(), seen);
            assertEquals(names(p), names(o), "the same TIDs with the same names\n" + seen);
            for (int i = 0; i < CrossCheckChild.BUSY; i++) {
                assertTrue(names(o).containsValue("cc-busy-" + i), seen);
            }
            for (int i = 0; i < CrossCheckChild.SLEEPING; i++) {
                assertTrue(names(o).containsValue("cc-sleep-" + i), seen);
            }
            assertEquals(p.rssBytes(), o.rssBytes(), p.rssBytes() * 0.02, "RSS within 2 %\n" + seen);
            assertEquals(p.threadCount(), o.threadCount(), seen);
            assertEquals(p.cpuPercent(), o.cpuPercent(), 5, "process CPU% within 5 points\n" + seen);
            Map<Long, ThreadSample> byTid = new TreeMap<>();
            for (ThreadSample t : p.threads()) {
                byTid.put(t.tid(), t);
            }
            double worstThread = 0;
            for (ThreadSample t : o.threads()) {
                ThreadSample ref = byTid.get(t.tid());
                worstThread = Math.max(worstThread, Math.abs(ref == null ? 0 : ref.cpuPercent() - t.cpuPercent()));
                assertNotNull(ref, seen);
                assertTrue(!Double.isNaN(t.cpuPercent()), "a CPU% for " + t.name() + "\n" + seen);
                assertEquals(ref.cpuPercent(), t.cpuPercent(), 5, "CPU% of " + t.name() + " within 5 points\n" + seen);
                assertEquals(-1, t.core(), "OSHI has no last core: not available, not made up");
                if (t.name().startsWith("cc-sleep-")) {
                    assertEquals("S", t.state(), seen);
                    assertEquals(ref.state(), t.state(), seen);
                }
                if (t.name().startsWith("cc-busy-")) {
                    assertTrue(ref.cpuPercent() > 2, "the busy threads ran, so the comparison means something\n" + seen);
                }
            }
            double procHost = p1.host().total().utilisation() * 100;
            double oshiHost = o1.host().total().utilisation() * 100;
            assertEquals(procHost, oshiHost, 5, "host CPU% within 5 points");
            assertEquals(p1.host().cores().size(), o1.host().cores().size());
            // the figures for docs/SAMPLER.md
            System.out.printf(java.util.Locale.ROOT, "cross-check: %d threads; RSS %+.2f %%; process CPU %.1f vs %.1f;"
                            + " worst thread %.2f points; host %.1f vs %.1f%n", o.threads().size(),
                    (o.rssBytes() - p.rssBytes()) * 100.0 / p.rssBytes(), p.cpuPercent(), o.cpuPercent(), worstThread,
                    procHost, oshiHost);
        } finally {
            child.getOutputStream().close();
            child.destroy();
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
            }
        }
    }

    /** A JVM as lean in threads as can be (interpreted, serial GC: no compiler or GC threads come and go). */
    private static Process startChild() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xint", "-XX:+UseSerialGC", "-Xmx32m", "-cp",
                System.getProperty("java.class.path"), CrossCheckChild.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (java.io.IOException e) {
                return "failed: " + e;
            }
        });
        try {
            assertEquals("ready", line.get(60, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            child.destroyForcibly();
            fail("the child did not say ready within 60 s");
        }
        return child;
    }

    /** Until /proc shows every named thread of the child (they are started before "ready", but named as they run). */
    private static void awaitAllThreads(Sampler proc, long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String last = "";
        while (System.nanoTime() < deadline) {
            ProcessSample p = proc.sampleNow().process(pid).orElseThrow();
            last = describe(p);
            long named = p.threads().stream().filter(t -> t.name().startsWith("cc-")).count();
            if (named == CrossCheckChild.BUSY + CrossCheckChild.SLEEPING) {
                return;
            }
            Thread.sleep(50);
        }
        fail("the child's threads did not all show within 30 s: " + last);
    }

    private static Map<Long, String> names(ProcessSample p) {
        Map<Long, String> m = new TreeMap<>();
        for (ThreadSample t : p.threads()) {
            m.put(t.tid(), t.name());
        }
        return m;
    }

    private static String describe(ProcessSample p) {
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "%s cpu %.1f rss %d threads %d:",
                p.name(), p.cpuPercent(), p.rssBytes(), p.threadCount()));
        for (ThreadSample t : p.threads()) {
            sb.append(String.format(java.util.Locale.ROOT, " %d %s %s %.1f;", t.tid(), t.name(), t.state(), t.cpuPercent()));
        }
        return sb.toString();
    }
}
