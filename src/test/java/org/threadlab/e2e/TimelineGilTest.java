package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real CPython GIL, measured from outside by the jar's {@code timeline --json}: CPython's four busy
 * threads sum at most ~1 core slice after slice with one thread running at a time, while two busy native
 * threads (a single-file Java program) are both ready to run at once, in the same window; where the rest
 * of the machine leaves room (from /proc/stat over the window), the pair gets about two cores, clearly
 * more than CPython's four. Ctrl-C prints what was read.
 */
class TimelineGilTest {
    @BeforeAll
    static void needsLinux() {
        Assumptions.assumeTrue(Jar.isLinux() && Runtime.getRuntime().availableProcessors() >= 2, "needs /proc and 2 cores");
    }

    /** One program's timeline, parsed from the JSON for what the assertions need. */
    record Read(List<Long> span, List<Long> processCpu, List<List<String>> states, List<String> names, String json) {
        static Read parse(String json) {
            List<List<String>> states = new ArrayList<>();
            Matcher m = Pattern.compile("\"state\":\\[([^\\]]*)\\]").matcher(json);
            while (m.find()) {
                List<String> s = new ArrayList<>();
                for (String v : m.group(1).split(",")) {
                    s.add(v.replace("\"", ""));
                }
                states.add(s);
            }
            List<String> names = new ArrayList<>();
            Matcher n = Pattern.compile("\"tid\":\\d+,\"name\":\"([^\"]*)\"").matcher(json);
            while (n.find()) {
                names.add(n.group(1));
            }
            return new Read(numbers(json, "span_ns"), numbers(json, "process_cpu_ns"), states, names, json);
        }

        static List<Long> numbers(String json, String key) {
            Matcher m = Pattern.compile("\"" + key + "\":\\[([^\\]]*)\\]").matcher(json);
            assertTrue(m.find(), "no " + key + " in " + json);
            List<Long> out = new ArrayList<>();
            for (String v : m.group(1).split(",")) {
                out.add(Long.parseLong(v));
            }
            return out;
        }

        double cores(int i) {
            return processCpu.get(i) / (double) span.get(i);
        }

        double meanCores() {
            return processCpu.stream().mapToLong(Long::longValue).sum() / (double) span.stream().mapToLong(Long::longValue).sum();
        }

        /** Per slice, how many of the threads named {@code only} (all when null) were read 'R' at its end. */
        int running(int i, Set<String> only) {
            int r = 0;
            for (int t = 0; t < states.size(); t++) {
                if ((only == null || only.contains(names.get(t))) && "R".equals(states.get(t).get(i))) {
                    r++;
                }
            }
            return r;
        }
    }

    private static Process python(String seconds) {
        try {
            return new ProcessBuilder("python3", Path.of("demos", "busy_threads.py").toAbsolutePath().toString(), seconds)
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no python3: " + e.getMessage());
            return null;
        }
    }

    /** Waits, with a deadline, until {@code pid} has threads named each of {@code names} (or {@code count} tasks). */
    static void awaitThreads(Process p, int count, String... names) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            List<String> comms = new ArrayList<>();
            try (var tasks = Files.list(Path.of("/proc", Long.toString(p.pid()), "task"))) {
                for (Path t : tasks.toList()) {
                    try {
                        comms.add(Files.readString(t.resolve("comm")).strip());
                    } catch (IOException e) {
                        // it just ended
                    }
                }
            } catch (IOException e) {
                // not there yet
            }
            if (comms.size() >= count && comms.containsAll(List.of(names))) {
                return;
            }
            assertTrue(System.nanoTime() < deadline && p.isAlive(), "threads did not start: " + comms);
            Thread.sleep(20);
        }
    }

    @Test
    void pythonsFourBusyThreadsRunOneAtATimeWhileTwoNativeThreadsRunTogether() throws Exception {
        Process py = python("40");
        Path program = Path.of("src", "test", "resources", "timeline", "TwoBusyThreads.java").toAbsolutePath();
        Process jv = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), program.toString(), "40")
                .redirectErrorStream(true).start();
        try {
            awaitThreads(py, 5);
            awaitThreads(jv, 3, "busy-0", "busy-1");
            Thread.sleep(300); // past the JIT's first compilations, which would count as a third busy thread
            // the same window for both: two jars side by side, the rest of the machine's load read around it
            Process pyT = new ProcessBuilder(Jar.command("timeline", "--pid", Long.toString(py.pid()), "--duration", "3s", "--json"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Process jvT = new ProcessBuilder(Jar.command("timeline", "--pid", Long.toString(jv.pid()), "--duration", "3s", "--json"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            CompletableFuture<String> pyOut = output(pyT);
            CompletableFuture<String> jvOut = output(jvT);
            awaitThreads(pyT, 1, "threadlab-slice");
            awaitThreads(jvT, 1, "threadlab-slice");
            Host before = Host.read(py.pid(), jv.pid());
            assertTrue(pyT.waitFor(60, TimeUnit.SECONDS) && jvT.waitFor(60, TimeUnit.SECONDS));
            Host after = Host.read(py.pid(), jv.pid());
            assertEquals(0, pyT.exitValue());
            assertEquals(0, jvT.exitValue());
            Read p = Read.parse(pyOut.get(10, TimeUnit.SECONDS));
            Read j = Read.parse(jvOut.get(10, TimeUnit.SECONDS));
            double others = after.othersSince(before);
            int n = p.span().size();
            assertTrue(n >= 100, "3 s of 20 ms slices: " + n);
            int underOneCore = 0;
            int oneRunning = 0;
            for (int i = 0; i < n; i++) {
                underOneCore += p.cores(i) <= 1.2 ? 1 : 0;
                oneRunning += p.running(i, null) <= 1 ? 1 : 0;
            }
            System.out.printf("python: %d of %d slices at most 1.2 cores, %d with at most one 'R', %.2f cores on average;"
                    + " native: %.2f cores%n", underOneCore, n, oneRunning, p.meanCores(), j.meanCores());
            assertTrue(underOneCore >= 0.9 * n, "python's threads summed at most 1.2 cores in only " + underOneCore + " of " + n + " slices: " + p.json());
            assertTrue(oneRunning > n / 2, "at most one python thread 'R' in only " + oneRunning + " of " + n + " reads: " + p.json());
            Set<String> busy = Set.of("busy-0", "busy-1");
            int bothRunning = 0;
            for (int i = 0; i < j.span().size(); i++) {
                bothRunning += j.running(i, busy) == 2 ? 1 : 0;
            }
            // runnable counts as 'R' too: both are ready to run at most reads, however busy the machine
            assertTrue(bothRunning > 0.75 * j.span().size(), "both native threads 'R' in only " + bothRunning + " of " + j.span().size() + " reads");
            // two or more 'R' at once: the native pair nearly always, CPython's four clearly less often (under load its
            // waiting threads queue for a core too, so not never)
            double pyTwo = 1 - oneRunning / (double) n;
            double jvTwo = bothRunning / (double) j.span().size();
            assertTrue(pyTwo < jvTwo - 0.2, "python's threads 2+ 'R' at " + pyTwo + " of reads, the native pair at " + jvTwo);
            // with room on the machine, the GIL shows in the cores: python's four get about one, the native two about
            // two. With hogs beside the suite it does not: CPython's waiting threads are runnable too (each spent ~0.4
            // of a core in the run queue at load 12), so the kernel shares the cores out alike and neither reaches its cap
            double room = Math.min(2, Runtime.getRuntime().availableProcessors() - others);
            // what is left for the native pair beside CPython, which runs in the same window
            double roomForPair = Math.min(2, Runtime.getRuntime().availableProcessors() - others - p.meanCores());
            System.out.printf("others' load %.2f cores: room %.2f, %.2f beside python%n", others, room, roomForPair);
            if (room >= 1.5) { // seen: room 1.59, pair 1.26 cores vs CPython's 0.56; room 1.0, 0.43 vs 0.69
                assertTrue(j.meanCores() > 1.3 * p.meanCores(), "two native threads got no more than the GIL's four: "
                        + j.meanCores() + " vs " + p.meanCores() + " cores");
            }
            if (roomForPair >= 1.7) {
                assertTrue(j.meanCores() > roomForPair - 0.4, "~2 cores for the native pair where the machine left room: "
                        + j.meanCores() + " (others " + others + ", python " + p.meanCores() + ")");
            }
        } finally {
            py.destroyForcibly().waitFor();
            jv.destroyForcibly().waitFor();
        }
    }

    private static CompletableFuture<String> output(Process p) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The host's busy jiffies and the two programs', as the kernel counts them (/proc/stat, their stat). */
    private record Host(long busy, long programs, long nanos) {
        static Host read(long... pids) throws IOException {
            long t = System.nanoTime();
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 8 && i < cpu.length; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(cpu[i]);
                }
            }
            long programs = 0;
            for (long pid : pids) {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                programs += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            }
            return new Host(busy, programs, t);
        }

        /** Cores busy with anything but the two programs (the timelines' own reading included), at USER_HZ 100. */
        double othersSince(Host before) {
            return ((busy - before.busy) - (programs - before.programs)) / 100.0 / ((nanos - before.nanos) / 1e9);
        }
    }

    @Test
    void ctrlCPrintsWhatWasReadAndExits130() throws Exception {
        Process py = python("40");
        try {
            awaitThreads(py, 5);
            Process t = new ProcessBuilder(Jar.command("timeline", "--pid", Long.toString(py.pid()), "--duration", "60s", "--json"))
                    .redirectErrorStream(false).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(t.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            // reading has begun once its slices thread runs ("threadlab-slice": comm keeps 15 bytes)
            awaitThreads(t, 1, "threadlab-slice");
            Thread.sleep(500); // a few batches of slices to print
            Jar.signal(t.pid(), "INT");
            assertTrue(t.waitFor(30, TimeUnit.SECONDS), "Ctrl-C did not stop it");
            String json = out.get(10, TimeUnit.SECONDS);
            String err = new String(t.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(130, t.exitValue(), err);
            assertTrue(err.contains("interrupted (Ctrl-C) after "), err);
            Read r = Read.parse(json);
            assertTrue(r.span().size() >= 5, "what was read is printed: " + json);
        } finally {
            py.destroyForcibly().waitFor();
        }
    }
}
