package org.threadlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.threadlab.lab.Outcomes;
import org.threadlab.lab.RoundsTable;
import org.threadlab.lab.WorkerFates;
import org.threadlab.lesson.Headless;
import org.threadlab.lesson.Lesson;
import org.threadlab.lesson.LessonFileException;
import org.threadlab.lesson.LessonResult;
import org.threadlab.lesson.LessonRunner;
import org.threadlab.lesson.Lessons;
import org.threadlab.model.Snapshot;
import org.threadlab.model.SnapshotSource;
import org.threadlab.sample.Platform;
import org.threadlab.text.Json;
import org.threadlab.text.Table;
import org.threadlab.text.Words;
import org.threadlab.worker.EventLog;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code threadlab lesson}: a lesson on the screen (narration, keys), headless, checked, or the built-ins listed. */
@Command(name = "lesson", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a lesson: one idea, step by step, the class predicting before each result is measured.",
                "",
                "On the screen a narration pane tells each step; Space (or n) goes on: it runs the step once the class "
                        + "has predicted, reveals the answer, then goes to the next step. b goes back, r redoes the step, "
                        + "a reveals the answer, z freezes the display; every key of threadlab ui still works.",
                ""},
        footer = {"", "Examples:",
                "  threadlab lesson --list",
                "  threadlab lesson gil",
                "  threadlab lesson gil --headless          # a rehearsal, as text",
                "  threadlab lesson my-lesson.yaml --check  # parse only",
                "",
                "A lesson file is YAML, its format in demos/README.md.",
                "Exit codes: 0 done, 2 bad usage, a bad lesson file (FILE:LINE: what is wrong) or an unknown lesson, "
                        + "130 interrupted (Ctrl-C, headless)."})
public final class LessonCommand implements Callable<Integer> {
    /** A lesson that cannot be read, or is not there: bad usage, as picocli's own. */
    static final int EXIT_BAD_LESSON = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME|FILE", completionCandidates = Names.class,
            description = "a built-in lesson (--list shows them: ${COMPLETION-CANDIDATES}) or a lesson file")
    String lesson;

    @Option(names = "--list", description = "list the built-in lessons with their titles")
    boolean list;

    @Option(names = "--check", description = "read the lesson and report its mistakes (FILE:LINE: ...), start nothing")
    boolean check;

    @Option(names = "--headless", description = "run it without a screen: Space is pressed at every stop; narration and measured results are printed")
    boolean headless;

    @Option(names = "--json", description = "with --headless: print the measured results as one JSON document instead of the narration")
    boolean json;

    @CommandLine.Mixin
    UiArgs args;

    @CommandLine.Mixin
    RecordArgs record;

    /** The built-in lessons' names, for completion and the help. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Lessons.builtIn().stream().map(Lessons.Info::name).iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list) {
            if (lesson != null || check || headless || json) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--list takes no lesson and no other option");
            }
            Table t = new Table("lesson", "title");
            for (Lessons.Info l : Lessons.builtIn()) {
                t.row(l.name(), l.title());
            }
            out.print(t);
            out.flush();
            return 0;
        }
        if (lesson == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "name a lesson or a lesson file ('threadlab lesson --list' shows the built-in ones)");
        }
        if (json && !headless) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--json needs --headless");
        }
        if (check && (headless || json)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--check only reads the lesson: it takes no --headless or --json");
        }
        UiCommand.checkInterval(spec, args);
        UiCommand.checkSpares(spec, args);
        Lesson l;
        try {
            l = Lessons.load(lesson);
        } catch (LessonFileException e) {
            for (String problem : e.problems()) {
                err.println(problem);
            }
            err.flush();
            return EXIT_BAD_LESSON;
        }
        if (check) {
            out.println(l.source() + ": " + Words.count(l.steps().size(), "step") + ", OK");
            out.flush();
            return 0;
        }
        return headless ? headless(l, out, err) : UiCommand.show(spec, args, record, "lesson", l);
    }

    /** The lesson without a screen; then, as Python's exit, daemons killed and the others waited for, and their fates. */
    private int headless(Lesson l, PrintWriter out, PrintWriter err) {
        LessonResult result;
        boolean interrupted;
        PrintWriter narration = json ? new PrintWriter(new StringWriter()) : out;
        List<String> fates;
        try (Supervisor supervisor = new Supervisor(Limits.DEFAULT, args.gil, Platform.system()::availableMemoryBytes);
             RecordArgs.Session recording = record.start(spec, "lesson", args.interval);
             SnapshotSource source = UiCommand.openSource(supervisor, args.interval, args.source);
             CtrlC ctrlC = new CtrlC(Thread.currentThread())) {
            if (recording != null) {
                recording.follow(source);
            }
            supervisor.keepSpares(args.spares);
            Outcomes outcomes = Outcomes.watch(supervisor);
            result = Headless.run(l, supervisor, source, outcomes, LessonRunner.Options.system(), narration);
            // a Ctrl-C's interruption is spent: the stop below must not be cut short by it
            Thread.interrupted();
            long waiting = supervisor.workers().stream().filter(w -> !w.daemon() && !w.isMember() && w.state().alive()).count();
            if (result.complete() && waiting > 0) {
                err.println("threadlab: waiting for " + Words.count(waiting, "non-daemon worker")
                        + " to end, as a program's end joins them (Ctrl-C stops them)");
                err.flush();
            }
            try {
                // as a Python program ends: daemons killed, the others waited for (all stopped after a Ctrl-C)
                supervisor.shutdown(!result.complete());
            } catch (InterruptedException e) {
                // Ctrl-C while waiting for the non-daemon workers: stop them rather than wait
                Thread.interrupted();
                supervisor.terminateAll();
            }
            interrupted = !result.complete() || ctrlC.pressed();
            fates = new java.util.ArrayList<>(WorkerFates.lines(supervisor.workers(), supervisor.events().recent(EventLog.DEFAULT_CAPACITY)));
            // and the lesson's rounds side by side, as ui prints them after quit
            Snapshot last = source.awaitCurrent();
            fates.addAll(RoundsTable.lines(last == null ? List.of() : last.rounds()));
        } finally {
            Thread.interrupted();
        }
        PrintWriter fatesTo = json ? err : out;
        if (!fates.isEmpty()) {
            fatesTo.println();
        }
        for (String line : fates) {
            fatesTo.println(line);
        }
        if (json) {
            out.println(Json.write(result.toJson()));
        }
        if (interrupted) {
            err.println("threadlab: lesson INCOMPLETE: interrupted by Ctrl-C; what still ran was stopped");
        }
        out.flush();
        err.flush();
        return interrupted ? CtrlC.EXIT_INTERRUPTED : 0;
    }
}
