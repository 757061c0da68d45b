package org.threadlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.threadlab.work.CpuBurn;
import org.threadlab.work.PoolMap;
import org.threadlab.worker.WorkerKind;

/**
 * The lessons in demos/lessons/: every file parses, every idea of the tutorials has a lesson that shows it,
 * their narration states no measured figure as a fact, and their steps stay short.
 */
class ShippedLessonsTest {
    private static final Path FOLDER = Path.of("demos/lessons");

    /** A start as the lesson runs it: with the GIL setting in force at that moment. */
    private record Started(String lesson, Action.Start start, boolean gil) {
        String workload() {
            return start.spec().name();
        }

        boolean threads() {
            return start.kind() == WorkerKind.THREAD;
        }

        boolean processes() {
            return start.kind() == WorkerKind.PROCESS;
        }

        Object param(String name) {
            return start.spec().values().get(name);
        }

        /** How many on a 2-core machine. */
        int on2Cores() {
            return start.count().resolve(2);
        }
    }

    private static List<Lesson> shipped() throws IOException {
        List<Lesson> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path f : files.sorted().toList()) {
                assertTrue(f.toString().endsWith(".yaml"), () -> f + ": demos/lessons holds lesson files only");
                out.add(Lessons.load(f.toString())); // throws, naming every mistake, if one does not parse
            }
        }
        return out;
    }

    private static List<Started> starts(Lesson l) {
        List<Started> out = new ArrayList<>();
        boolean gil = false;
        for (Step s : l.steps()) {
            for (Action a : s.actions()) {
                if (a instanceof Action.Gil g) {
                    gil = g.on();
                } else if (a instanceof Action.Start st) {
                    out.add(new Started(l.name(), st, gil));
                }
            }
        }
        return out;
    }

    private static boolean any(Lesson l, Predicate<Started> p) {
        return starts(l).stream().anyMatch(p);
    }

    private static boolean has(Lesson l, Class<? extends Action> type) {
        return l.steps().stream().flatMap(s -> s.actions().stream()).anyMatch(type::isInstance);
    }

    private static boolean python(Lesson l, String program) {
        return l.steps().stream().flatMap(s -> s.actions().stream())
                .anyMatch(a -> a instanceof Action.Python p && p.program().equals(program));
    }

    private static Lesson lesson(List<Lesson> all, String name) {
        return all.stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no lesson " + name + " in demos/lessons"));
    }

    @Test
    void everyFileParsesAndIsABuiltIn() throws IOException {
        List<String> names = new ArrayList<>();
        for (Lesson l : shipped()) {
            names.add(l.name());
        }
        assertEquals(Lessons.ORDER.stream().sorted().toList(), names, "the teaching order names every shipped lesson");
    }

    @Test
    void everyIdeaOfTheTutorialsHasALessonThatShowsIt() throws IOException {
        List<Lesson> all = shipped();

        Lesson io = lesson(all, "io-vs-cpu");
        assertTrue(any(io, s -> s.workload().equals("sleep") && s.threads() && s.on2Cores() > 1), "waiting threads overlap");
        assertTrue(any(io, s -> s.workload().equals("cpu") && s.threads() && s.gil() && s.on2Cores() > 1), "cpu threads take turns");

        Lesson gil = lesson(all, "gil");
        assertTrue(any(gil, s -> s.workload().equals("cpu") && s.threads() && s.on2Cores() == 1), "a single-thread baseline");
        assertTrue(any(gil, s -> s.workload().equals("cpu") && s.threads() && s.gil() && s.on2Cores() >= 4), "threads with the GIL");
        assertTrue(any(gil, s -> s.workload().equals("cpu") && s.threads() && !s.gil() && s.on2Cores() >= 4), "threads without it");
        assertTrue(any(gil, s -> s.workload().equals("cpu") && s.processes() && s.on2Cores() >= 4), "processes");
        assertTrue(python(gil, "busy_threads.py") && python(gil, "busy_processes.py"), "real Python threads and processes");
        // the threads-with-the-GIL step opens the timeline before its threads start, so the hand-overs are seen as they happen
        Step withGil = gil.steps().stream().filter(st -> st.actions().stream().anyMatch(x -> x instanceof Action.Gil g && g.on()))
                .findFirst().orElseThrow();
        List<Action> acts = withGil.actions();
        int shows = acts.indexOf(acts.stream().filter(x -> x instanceof Action.Show sh && sh.view() == Action.View.TIMELINE).findFirst()
                .orElseThrow(() -> new AssertionError("the GIL step shows no timeline: " + acts)));
        int starts = acts.indexOf(acts.stream().filter(x -> x instanceof Action.Start).findFirst().orElseThrow());
        assertTrue(shows < starts, acts.toString());

        Lesson cheap = lesson(all, "cheap-threads");
        assertTrue(any(cheap, s -> s.workload().equals("sleep") && s.threads() && s.on2Cores() >= 32), "many sleeping threads");
        assertTrue(any(cheap, s -> s.workload().equals("sleep") && s.processes()), "a few processes");

        Lesson counter = lesson(all, "shared-counter");
        for (String mode : List.of("unsafe", "lock", "atomic")) {
            assertTrue(any(counter, s -> s.workload().equals("counter") && s.threads() && mode.equals(s.param("mode"))), mode);
        }

        Lesson memory = lesson(all, "no-shared-memory");
        assertTrue(any(memory, s -> s.workload().equals("global") && s.threads()), "a global list in threads");
        assertTrue(any(memory, s -> s.workload().equals("global") && s.processes()), "a global list in processes");
        assertTrue(any(memory, s -> s.workload().equals("counter") && s.processes() && "plain".equals(s.param("memory"))), "plain");
        assertTrue(any(memory, s -> s.workload().equals("counter") && s.processes() && "shared".equals(s.param("memory"))), "shared");

        Lesson queues = lesson(all, "queues");
        assertTrue(any(queues, s -> s.workload().equals("queue") && s.threads()), "a queue between threads");
        assertTrue(any(queues, s -> s.workload().equals("queue") && s.processes()), "a queue between processes");

        Lesson daemons = lesson(all, "daemons");
        assertTrue(any(daemons, s -> s.start().daemon()) && any(daemons, s -> !s.start().daemon()), "daemon and not");

        Lesson stop = lesson(all, "terminate-join");
        assertTrue(has(stop, Action.Terminate.class) && has(stop, Action.Join.class) && has(stop, Action.Kill.class));

        Lesson pool = lesson(all, "pool-map");
        assertTrue(any(pool, s -> s.workload().equals("pool") && "thread".equals(s.param(PoolMap.POOL.name())) && s.gil()));
        assertTrue(any(pool, s -> s.workload().equals("pool") && "process".equals(s.param(PoolMap.POOL.name()))));
    }

    /** A measured figure written as a fact: "2.0 s", "25%", "40 MiB", "3x faster". */
    private static final Pattern FIGURE = Pattern.compile("\\d+(\\.\\d+)?\\s*(s|ms|%|KiB|MiB|GiB|MB|x)\\b");

    @Test
    void noNarrationStatesAMeasuredFigure() throws IOException {
        for (Lesson l : shipped()) {
            for (Step s : l.steps()) {
                List<String> texts = new ArrayList<>(List.of(s.say()));
                if (s.ask() != null) {
                    texts.add(s.ask().text());
                    texts.add(String.valueOf(s.ask().answer()));
                }
                for (String t : texts) {
                    Matcher m = FIGURE.matcher(t);
                    assertTrue(!m.find(), () -> l.source() + ":" + s.line() + ": a figure in the narration: '" + t + "'");
                }
            }
        }
    }

    /** Every step is over in seconds on 2 cores: its waits are short, and its CPU work is small unless it is stopped. */
    @Test
    void stepsStayShort() throws IOException {
        for (Lesson l : shipped()) {
            for (Step s : l.steps()) {
                Duration waits = Duration.ZERO;
                boolean stops = false;
                double cpuSeconds = 0;
                for (Action a : s.actions()) {
                    if (a instanceof Action.Wait w && w.until() == Action.Until.TIME) {
                        waits = waits.plus(w.time());
                    } else if (a instanceof Action.Kill || a instanceof Action.Terminate) {
                        stops = true;
                    } else if (a instanceof Action.Start st && st.spec().name().equals("cpu")) {
                        cpuSeconds += st.spec().get(CpuBurn.UNITS) * st.count().resolve(2);
                    }
                }
                String where = l.source() + ":" + s.line();
                assertTrue(waits.compareTo(Duration.ofSeconds(5)) <= 0, where + ": waits " + waits);
                assertTrue(stops || cpuSeconds <= 2.5, where + ": " + cpuSeconds + " CPU seconds on 2 cores");
                for (Started st : starts(l)) {
                    if (st.workload().equals("cpu") && !st.start().spec().get(CpuBurn.STUBBORN)) {
                        assertTrue(st.start().spec().get(CpuBurn.UNITS) <= 0.5, where + ": cpu units of at most 0.5");
                    }
                }
            }
        }
    }
}
