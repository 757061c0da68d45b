package org.threadlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.work.CpuBurn;
import org.threadlab.work.SleepWork;
import org.threadlab.worker.WorkerKind;

/** LessonReader: a full file to the records, and every kind of mistake with its line. */
class LessonReaderTest {

    private static final String FULL = String.join("\n",
            "# a comment",
            "title: The GIL",
            "about: Threads take turns.",
            "steps:",
            "  - title: Baseline",            // 5
            "    say: |",
            "      One thread.",
            "      Then more.",
            "    do:",
            "      - gil: off",               // 10
            "      - start: 1 thread cpu units=0.5",
            "      - wait: round",
            "      - baseline: round",
            "      - show: round",
            "  - title: Many",                // 15
            "    say: >",
            "      folded",
            "      text",
            "    ask: Faster or slower?",
            "    answer: Slower.",            // 20
            "    do:",
            "      - start: 2*cores daemon processes sleep duration=1s",
            "      - start: cores threads sleep",
            "      - python: busy_threads.py 3",
            "      - wait: 1.5s",             // 25
            "      - wait: key",
            "      - join: round",
            "      - terminate: all",
            "      - kill: round",
            "      - clear",                  // 30
            "      - show: rounds",
            "      - gil: on",
            "  - title: Talk only",
            "    say: Nothing runs here.",
            "");

    private static Lesson read(String text) {
        return LessonReader.read("t", "t.yaml", text);
    }

    private static List<String> problems(String... lines) {
        LessonFileException e = assertThrows(LessonFileException.class, () -> read(String.join("\n", lines) + "\n"));
        assertEquals(String.join("\n", e.problems()), e.getMessage());
        return e.problems();
    }

    /** The only problem, which must be on this line and say this. */
    private static void mistake(int line, String says, String... lines) {
        List<String> p = problems(lines);
        assertEquals(1, p.size(), () -> "one problem expected: " + p);
        assertTrue(p.get(0).startsWith("t.yaml:" + line + ": "), () -> "line " + line + " expected: " + p.get(0));
        assertTrue(p.get(0).contains(says), () -> "'" + says + "' expected in: " + p.get(0));
    }

    /** A lesson of one step whose do: list is these actions (the first action is on line 6). */
    private static String[] withActions(String... actions) {
        String[] lines = new String[5 + actions.length];
        lines[0] = "title: T";
        lines[1] = "steps:";
        lines[2] = "  - title: S";
        lines[3] = "    say: s";
        lines[4] = "    do:";
        for (int i = 0; i < actions.length; i++) {
            lines[5 + i] = "      - " + actions[i];
        }
        return lines;
    }

    private static void badAction(String action, String says) {
        mistake(6, says, withActions(action));
    }

    @Test
    void aFullFileBecomesTheRecords() {
        Lesson l = read(FULL);
        assertEquals("t", l.name());
        assertEquals("t.yaml", l.source());
        assertEquals("The GIL", l.title());
        assertEquals("Threads take turns.", l.about());
        assertEquals(3, l.steps().size());

        Step first = l.steps().get(0);
        assertEquals(5, first.line());
        assertEquals("Baseline", first.title());
        assertEquals("One thread.\nThen more.", first.say(), "a | block keeps its lines, without the last newline");
        assertNull(first.ask());
        assertEquals(List.of(new Action.Gil(10, false)), first.actions().subList(0, 1));
        Action.Start start = (Action.Start) first.actions().get(1);
        assertEquals(11, start.line());
        assertEquals(Count.of(1), start.count());
        assertEquals(WorkerKind.THREAD, start.kind());
        assertEquals("cpu", start.spec().name());
        assertEquals(0.5, start.spec().get(CpuBurn.UNITS));
        assertTrue(!start.daemon());
        assertEquals(new Action.Wait(12, Action.Until.ROUND, null), first.actions().get(2));
        assertEquals(new Action.Baseline(13), first.actions().get(3));
        assertEquals(new Action.Show(14, Action.View.ROUND), first.actions().get(4));

        Step many = l.steps().get(1);
        assertEquals("folded text", many.say(), "a > block folds its lines");
        assertEquals(new Step.Question(19, "Faster or slower?", "Slower."), many.ask());
        Action.Start daemons = (Action.Start) many.actions().get(0);
        assertEquals(Count.cores(2), daemons.count());
        assertEquals(4, daemons.count().resolve(2));
        assertEquals(WorkerKind.PROCESS, daemons.kind());
        assertTrue(daemons.daemon());
        assertEquals(Duration.ofSeconds(1), daemons.spec().get(SleepWork.DURATION));
        Action.Start defaults = (Action.Start) many.actions().get(1);
        assertEquals(Count.cores(1), defaults.count());
        assertEquals(Duration.ofSeconds(2), defaults.spec().get(SleepWork.DURATION), "the workload's defaults are filled in");
        assertEquals(List.of(
                new Action.Python(24, "busy_threads.py", List.of("3")),
                new Action.Wait(25, Action.Until.TIME, Duration.ofMillis(1500)),
                new Action.Wait(26, Action.Until.KEY, null),
                new Action.Join(27, Action.Target.ROUND),
                new Action.Terminate(28, Action.Target.ALL),
                new Action.Kill(29, Action.Target.ROUND),
                new Action.Clear(30),
                new Action.Show(31, Action.View.ROUNDS),
                new Action.Gil(32, true)), many.actions().subList(2, many.actions().size()));

        Step talk = l.steps().get(2);
        assertEquals("Nothing runs here.", talk.say());
        assertEquals(List.of(), talk.actions());
    }

    @Test
    void countsAreANumberOrAMultipleOfTheCores() {
        assertEquals(Count.of(64), ((Action.Start) read(String.join("\n", withActions("start: 64 threads sleep"))).steps().get(0)
                .actions().get(0)).count());
        assertEquals(Count.cores(16), ((Action.Start) read(String.join("\n", withActions("start: 16*cores threads sleep"))).steps()
                .get(0).actions().get(0)).count());
        badAction("start: 0 threads sleep", "a count from 1 to 64, not 0");
        badAction("start: 65 threads sleep", "a count from 1 to 64, not 65");
        badAction("start: 99999999999 threads sleep", "is not a count");
        badAction("start: 0*cores threads sleep", "K*cores with K from 1 to 16, not 0*cores");
        badAction("start: 17*cores threads sleep", "not 17*cores");
        badAction("start: cores*2 threads sleep", "'cores*2' is not a count (write a number, cores or K*cores");
        badAction("start: many threads sleep", "'many' is not a count");
        badAction("start: -1 threads sleep", "'-1' is not a count");
    }

    @Test
    void startChecksKindWorkloadAndParameters() {
        badAction("start: 2 cpu", "unknown kind 'cpu' (thread(s), virtual(s) or process(es)) (say the kind before the workload");
        badAction("start: 2 fibers cpu", "unknown kind 'fibers'");
        badAction("start: 2 threads", "which workload? (sleep, cpu,");
        badAction("start: 2", "which kind?");
        badAction("start: 2 threads burn", "unknown workload 'burn' (choose from sleep, cpu, memory, pool, counter, global, queue, crash, exec)");
        badAction("start: 2 threads cpu units=lots", "start: units must be a number, not 'lots'");
        badAction("start: 2 threads cpu speed=2", "start: workload cpu takes no parameter 'speed' (it takes stubborn, units)");
        badAction("start: 2 threads cpu _unit=5", "takes no parameter '_unit'");
        badAction("start: 2 threads cpu units=1 units=2", "units is given twice");
        badAction("start: 2 threads sleep duration=2x", "duration");
        badAction("start: 1 thread exec cmd=python3 x.py", "start: exec starts a program of its own: it runs only as a process (write '1 process exec ...')");
        badAction("start: 2 threads crash how=exit", "a thread cannot exit on its own");
        badAction("start: 2 threads exec", "cmd is required");
        read(String.join("\n", withActions("start: 1 process exec cmd=python3 demos/sleepy_threads.py")));
        read(String.join("\n", withActions("start: 1 process crash how=exit")));
    }

    @Test
    void virtualThreadsNeedAJavaThatHasThem() {
        String[] lines = withActions("start: 2 virtual threads sleep");
        if (org.threadlab.worker.VirtualThreads.available()) {
            Action.Start s = (Action.Start) read(String.join("\n", lines)).steps().get(0).actions().get(0);
            assertEquals(WorkerKind.VIRTUAL, s.kind());
        } else {
            mistake(6, "start: virtual threads need Java 21 or newer", lines);
        }
    }

    @Test
    void otherActionsCheckTheirValues() {
        badAction("wait: 2x", "wait: '2x' is not a time (2s, 500ms, 1m), round or key");
        badAction("wait: 0s", "wait: a time from more than 0s to 10m, not 0s");
        badAction("wait: 2h", "not 2h");
        badAction("wait: forever", "is not a time");
        badAction("join: everything", "join: round (the step's latest round) or all (every live worker), not 'everything'");
        badAction("terminate: them", "terminate: round");
        badAction("kill: 3", "kill: round");
        badAction("show: table", "show: round (its summary), rounds (the rounds pane) or timeline (the timeline pane), not 'table'");
        badAction("gil: maybe", "gil: on or off, not 'maybe'");
        badAction("baseline: first", "baseline: round");
        badAction("clear: all", "clear: takes no value");
        badAction("python: mine.py", "python: 'mine.py' is not one of the shipped demos (busy_threads.py, busy_processes.py, sleepy_threads.py)");
        badAction("python: busy_threads.py '3'", "no quotes");
        badAction("jump: 3", "unknown action 'jump' (the actions are start, python, gil, wait, join, terminate, kill, clear, show, baseline)");
        badAction("sleep", "unknown action 'sleep'");
        badAction("wait round", "write 'wait: round' (a colon after the action)");
        badAction("wait:", "wait: write its value on the same line (wait: a time (2s, 500ms), round or key)");
        badAction("[a, b]", "an action is one 'name: value'");
        mistake(6, "one action per item: start each of gil, wait on its own line", withActions("{gil: on, wait: round}"));
        Action.Python p = (Action.Python) read(String.join("\n", withActions("python: demos/busy_processes.py 2"))).steps().get(0).actions().get(0);
        assertEquals(new Action.Python(6, "busy_processes.py", List.of("2")), p);
        assertEquals(new Action.Show(6, Action.View.TIMELINE), read(String.join("\n", withActions("show: timeline"))).steps().get(0).actions().get(0));
        Action.Gil g = (Action.Gil) read(String.join("\n", withActions("gil: true"))).steps().get(0).actions().get(0);
        assertTrue(g.on());
    }

    @Test
    void keysAreCheckedAtEveryLevel() {
        mistake(2, "unknown key 'titel' in a lesson (a lesson has title, about, steps)",
                "title: T", "titel: T", "steps:", "  - title: S", "    say: s");
        mistake(1, "the lesson has no 'title:'",
                "about: A", "steps:", "  - title: S", "    say: s");
        mistake(1, "the lesson has no 'steps:'", "title: T");
        mistake(2, "steps: list the steps under it", "title: T", "steps: []");
        mistake(2, "steps: list the steps under it", "title: T", "steps:");
        mistake(5, "unknown key 'sya' in a step (a step has title, say, ask, answer, do)",
                "title: T", "steps:", "  - title: S", "    say: s", "    sya: s");
        mistake(5, "unknown key 'wait' in a step (a step has title, say, ask, answer, do) ('wait' is an action: put it in the step's 'do:' list)",
                "title: T", "steps:", "  - title: S", "    say: s", "    wait: round");
        mistake(3, "the step has no 'title:'", "title: T", "steps:", "  - say: s");
        mistake(3, "the step says nothing and does nothing", "title: T", "steps:", "  - title: S");
        mistake(5, "answer without ask", "title: T", "steps:", "  - title: S", "    say: s", "    answer: a");
        mistake(5, "do: list the actions under it", "title: T", "steps:", "  - title: S", "    say: s", "    do:");
        mistake(4, "say: is empty", "title: T", "steps:", "  - title: S", "    say: ''");
        mistake(4, "say: write text here, not a list or keys", "title: T", "steps:", "  - title: S", "    say: [a, b]");
        mistake(3, "a step is keys (title, say, ask, answer, do), not a single value", "title: T", "steps:", "  - just words");
        mistake(1, "a lesson starts with 'title:'", "- a", "- b");
        mistake(1, "the file is empty", "# nothing but a comment");
    }

    @Test
    void askWithoutAnswerIsAnOpenQuestion() {
        Lesson l = read(String.join("\n", "title: T", "steps:", "  - title: S", "    ask: What do you think?", "    say: s"));
        assertEquals(new Step.Question(4, "What do you think?", null), l.steps().get(0).ask());
    }

    @Test
    void duplicateKeysAreMistakes() {
        mistake(4, "'title' is given twice here (first on line 3)", "title: T", "steps:", "  - title: S", "    title: S2", "    say: s");
        mistake(5, "'title' is given twice here (first on line 1)", "title: T", "steps:", "  - title: S", "    say: s", "title: U");
    }

    @Test
    void yamlSyntaxErrorsAndTabsHaveTheirLine() {
        mistake(3, "a tab in the indentation: indent with spaces", "title: T", "steps:", "\t- title: S", "    say: s");
        mistake(4, "not valid YAML", "title: T", "steps:", "  - title: S", "  say: [unclosed", "    do: x");
        mistake(2, "not valid YAML", "title: T", "say: \"unclosed");
        Lesson tabInText = read(String.join("\n", "title: T", "steps:", "  - title: S", "    say: |", "      a\tb", "      \tc", ""));
        assertEquals("a\tb\n\tc", tabInText.steps().get(0).say(), "a tab inside a text block is the text's own");
        mistake(6, "one lesson per file: a second YAML document starts here", "title: T", "steps:", "  - title: S", "    say: s", "---", "title: U");
    }

    @Test
    void everyMistakeIsCollectedInLineOrder() {
        List<String> p = problems(
                "title: T",
                "color: red",                           // 2
                "steps:",
                "  - title: S",
                "    do:",
                "      - start: 0 threads cpu",         // 6
                "      - wait: 2x",                     // 7
                "      - fly: away",                    // 8
                "  - title: U",
                "    answer: A",                        // 10
                "    say: s");
        assertEquals(List.of(
                "t.yaml:2: unknown key 'color' in a lesson (a lesson has title, about, steps)",
                "t.yaml:6: start: a count from 1 to 64, not 0",
                "t.yaml:7: wait: '2x' is not a time (2s, 500ms, 1m), round or key",
                "t.yaml:8: unknown action 'fly' (the actions are start, python, gil, wait, join, terminate, kill, clear, show, baseline)",
                "t.yaml:10: answer without ask: add the question ('ask: ...') the answer belongs to"), p);
    }

    @Test
    void manyMistakesAreCapped() {
        String[] actions = new String[30];
        for (int i = 0; i < actions.length; i++) {
            actions[i] = "wait: never";
        }
        List<String> p = problems(withActions(actions));
        assertEquals(Problems.CAP + 1, p.size());
        assertEquals("t.yaml:6: wait: 'never' is not a time (2s, 500ms, 1m), round or key", p.get(0));
        assertEquals("t.yaml: and 10 more mistakes after these", p.get(Problems.CAP));
    }
}
