package org.threadlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.threadlab.lab.Outcomes;
import org.threadlab.lab.WorkerFates;
import org.threadlab.model.ModelHub;
import org.threadlab.model.Round;
import org.threadlab.model.SnapshotSource;
import org.threadlab.sample.Sampler;
import org.threadlab.worker.EventLog;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;

/**
 * Every shipped lesson runs headless, in-process, on this machine's cores, and shows its point in the
 * figures it measured: ratios between rounds of the same run, never absolute times, so a busy machine
 * (two CPU hogs beside it) still passes. The lessons' text and structure are ShippedLessonsTest's.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.threadlab.NoChildrenLeft.class)
class ShippedLessonsRunTest {
    /** One lesson run: what it measured, what it printed, and what became of its workers at the end. */
    private record Run(LessonResult result, String text, List<String> fates, List<WorkerInfo> workers) {
        Round round(int step, int i) {
            List<Round> rs = result.step(step).rounds();
            assertTrue(rs.size() > i, "step " + step + " has no round " + i + ":\n" + text);
            Round r = rs.get(i);
            assertFalse(r.running(), "step " + step + "'s round still runs:\n" + text);
            return r;
        }

        double wall(int step) {
            return round(step, 0).wall().toNanos() / 1e9;
        }

        String outcome(int step) {
            List<String> o = result.step(step).outcomes();
            assertEquals(1, o.size(), "step " + step + "'s outcomes:\n" + text);
            return o.get(0);
        }
    }

    private static Run run(String name) {
        return run(name, true);
    }

    /** {@code join}: at the end wait for the non-daemon workers, as the lesson command does; else stop them. */
    private static Run run(String name, boolean join) {
        Lesson lesson = Lessons.load(name);
        StringWriter text = new StringWriter();
        try (Supervisor supervisor = new Supervisor(Limits.DEFAULT, false);
             SnapshotSource source = ModelHub.start(new Sampler(Duration.ofMillis(200)), supervisor)) {
            Outcomes outcomes = Outcomes.watch(supervisor);
            LessonResult result = Headless.run(lesson, supervisor, source, outcomes, LessonRunner.Options.system(),
                    new PrintWriter(text, true));
            assertTrue(result.complete(), text.toString());
            // as the lesson command ends: daemons killed, the others waited for
            supervisor.shutdown(!join);
            List<String> fates = WorkerFates.lines(supervisor.workers(), supervisor.events().recent(EventLog.DEFAULT_CAPACITY));
            String printed = text.toString();
            assertFalse(printed.contains("not measured"), "every round a step started is measured:\n" + printed);
            return new Run(result, printed, fates, supervisor.workers());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** How many times a lesson is run before its timing point counts as not shown. */
    private static final int ATTEMPTS = 3;

    /**
     * Runs the lesson and checks its point; a point about timing is checked again on a new run (up to
     * {@link #ATTEMPTS}) when it did not show, since the other processes of a busy machine come and go
     * between two rounds of one run. Each attempt's figures are printed.
     */
    private static void shows(String name, java.util.function.Consumer<Run> point) {
        AssertionError last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Run r = run(name);
            try {
                point.accept(r);
                return;
            } catch (AssertionError e) {
                last = e;
                System.out.println(name + ": attempt " + attempt + " did not show it: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        throw last;
    }

    private static long lost(String outcome) {
        Matcher m = Pattern.compile("lost (\\d+)").matcher(outcome);
        assertTrue(m.find(), outcome);
        return Long.parseLong(m.group(1));
    }

    /**
     * "Processes (or a process pool) beat GIL threads" in wall time needs the cores to be there: on a machine
     * whose other processes took them (other tests, two CPU hogs), process start-up and the share left may
     * eat the gain. Then the point still shows as parallelism (more cores busy than the GIL allows), and the
     * verdict must say what took the cores, with the figure; that is what a class would see too.
     */
    private static void beats(Run r, String what, Round fast, Round slow) {
        String figures = String.format(java.util.Locale.ROOT, "%s: %.2f s (%.2f cores busy, others %.2f) vs %.2f s (%.2f cores busy, others %.2f)",
                what, secs(fast), fast.coresBusy(), fast.othersCores(), secs(slow), slow.coresBusy(), slow.othersCores());
        System.out.println(figures);
        if (fast.wall().compareTo(slow.wall()) < 0) {
            return;
        }
        double others = Math.max(fast.othersCores(), slow.othersCores());
        assertTrue(others >= 0.5, "not faster on a machine that was free enough: " + figures + "\n" + r.text());
        assertTrue(fast.coresBusy() > slow.coresBusy(), "still more parallel: " + figures + "\n" + r.text());
        assertTrue(fast.verdict().contains("other processes") || slow.verdict().contains("other processes"),
                "the verdict says other processes took the cores: " + figures + "\n" + r.text());
        System.out.println("  (not faster: other processes kept " + String.format(java.util.Locale.ROOT, "%.1f", others)
                + " cores busy; the verdict says so)");
    }

    private static double secs(Round r) {
        return r.wall().toNanos() / 1e9;
    }

    private static String ratio(double a, double b) {
        return String.format(java.util.Locale.ROOT, "%.2f s / %.2f s = %.2fx", a, b, a / b);
    }

    @Test
    void ioVsCpu() {
        shows("io-vs-cpu", r -> {
            System.out.println("io-vs-cpu: sleepers " + ratio(r.wall(2), r.wall(1)) + ", GIL threads " + ratio(r.wall(4), r.wall(3)));
            assertTrue(r.wall(2) <= 1.3 * r.wall(1), "four sleepers take about as long as one: " + ratio(r.wall(2), r.wall(1)) + "\n" + r.text());
            assertTrue(r.wall(4) >= 2.5 * r.wall(3), "GIL threads take turns: " + ratio(r.wall(4), r.wall(3)) + "\n" + r.text());
        });
    }

    @Test
    void gil() {
        shows("gil", r -> {
            double one = r.wall(1);
            double gilThreads = r.wall(2);
            double threads = r.wall(3);
            double processes = r.wall(4);
            System.out.println("gil: threads+GIL/one " + ratio(gilThreads, one) + ", processes/threads+GIL " + ratio(processes, gilThreads)
                    + ", threads/threads+GIL " + ratio(threads, gilThreads));
            assertTrue(gilThreads >= 2.5 * one, "threads + GIL at least 2.5x one thread: " + ratio(gilThreads, one) + "\n" + r.text());
            beats(r, "gil: processes vs threads+GIL", r.round(4, 0), r.round(2, 0));
            beats(r, "gil: threads vs threads+GIL", r.round(3, 0), r.round(2, 0));
            assertEquals(r.round(1, 0).id(), r.round(2, 0).baseline(), "compared with the marked baseline\n" + r.text());
        });
    }

    @Test
    void cheapThreads() {
        Run r = run("cheap-threads");
        Round threads = r.round(1, 0);
        Round processes = r.round(2, 0);
        assertTrue(processes.peakMemory() > threads.peakMemory(),
                "a few processes hold more memory than many threads: " + processes.peakMemory() + " vs " + threads.peakMemory() + "\n" + r.text());
        assertTrue(processes.peakThreads() > processes.info().started(),
                "each child JVM has OS threads of its own beyond its worker: " + processes.peakThreads() + "\n" + r.text());
        // the rehearsal prints the figures the class compares, and the last step waits without a stray note
        assertTrue(r.text().contains("peak " + org.threadlab.text.Sizes.compact(processes.peakMemory()) + " memory"), r.text());
        assertTrue(!r.text().contains("no round started"), r.text());
    }

    @Test
    void sharedCounter() {
        Run r = run("shared-counter");
        assertTrue(lost(r.outcome(1)) > 0, "unsafe increments are lost: " + r.outcome(1));
        assertEquals(0, lost(r.outcome(2)), "none with the lock: " + r.outcome(2));
        assertEquals(0, lost(r.outcome(3)), "none with an atomic: " + r.outcome(3));
    }

    @Test
    void noSharedMemory() {
        Run r = run("no-shared-memory");
        assertTrue(r.outcome(1).contains("the parent's list has 20 of 20 items"), r.outcome(1));
        assertTrue(r.outcome(2).contains("the parent's list has 0 of 20 items"), r.outcome(2));
        assertTrue(r.outcome(3).contains("the parent's counter reads 0"), r.outcome(3));
        assertEquals(0, lost(r.outcome(4)), "shared memory with a lock: " + r.outcome(4));
        assertTrue(r.outcome(4).contains("expected 400000, got 400000"), r.outcome(4));
    }

    @Test
    void queues() {
        Run r = run("queues");
        for (int step = 1; step <= 3; step++) {
            Round q = r.round(step, 0);
            assertEquals(1, q.finished(), "every item passed, the worker finished: step " + step + "\n" + r.text());
            assertEquals(0, q.failed(), r.text());
        }
        // the answer says "look at the full count": the rehearsal prints it in the step, before the answer
        String text = r.text();
        int full = text.indexOf("Answer: Full");
        int counts = text.indexOf("   queue-");
        assertTrue(counts > 0 && counts < full && text.substring(counts, full).matches("(?s)[^\n]*full \\d+ times.*"), text);
    }

    @Test
    void daemons() {
        // its ordinary thread sleeps on for the teacher's quit question: stopped here rather than waited for
        Run r = run("daemons", false);
        String fates = String.join("\n", r.fates());
        assertEquals(3, r.fates().stream().filter(l -> l.contains("killed as a daemon")).count(), fates);
        assertTrue(r.fates().stream().anyMatch(l -> l.matches(" *sleep-\\d+ +thread +[a-z].*") && !l.contains("daemon")), fates);
    }

    @Test
    void terminateJoin() {
        Run r = run("terminate-join");
        assertEquals(2, r.round(1, 0).stopped(), "the sleeping threads stopped when asked\n" + r.text());
        assertEquals(2, r.round(1, 1).stopped(), "and the processes\n" + r.text());
        assertTrue(r.round(1, 0).wall().compareTo(Duration.ofSeconds(30)) < 0, "long before their minute\n" + r.text());
        assertEquals(1, r.round(2, 0).stopped(), "the stubborn process had to be killed\n" + r.text());
        assertEquals(1, r.round(3, 0).finished(), "the stubborn thread finished on its own\n" + r.text());
        // and the rehearsal says so in each step, not only in the fates at the end
        assertTrue(r.text().matches("(?s).*Step 2 of 3.*   cpu-\\d+: terminated by SIGKILL after .*Step 3 of 3.*"), r.text());
        assertTrue(r.text().matches("(?s).*Step 3 of 3.*   cpu-\\d+: finished after [0-9.]+s, although asked to stop.*"), r.text());
    }

    @Test
    void poolMap() {
        shows("pool-map", r -> {
            System.out.println("pool-map: process/thread pool " + ratio(r.wall(2), r.wall(1)) + ", sleep/cpu thread pool " + ratio(r.wall(3), r.wall(1)));
            beats(r, "pool-map: process pool vs thread pool + GIL", r.round(2, 0), r.round(1, 0));
            assertTrue(r.wall(3) < r.wall(1), "waiting work is not held back by the GIL: " + ratio(r.wall(3), r.wall(1)) + "\n" + r.text());
        });
    }
}
