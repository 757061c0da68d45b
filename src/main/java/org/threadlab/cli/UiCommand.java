package org.threadlab.cli;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.threadlab.lab.Outcomes;
import org.threadlab.lab.RoundsTable;
import org.threadlab.lab.WorkerFates;
import org.threadlab.lesson.LessonRunner;
import org.threadlab.model.Snapshot;
import org.threadlab.model.ModelHub;
import org.threadlab.model.SnapshotSource;
import org.threadlab.sample.DataSource;
import org.threadlab.sample.Platform;
import org.threadlab.sample.Sampler;
import org.threadlab.sample.SliceSampler;
import org.threadlab.text.Durations;
import org.threadlab.ui.TerminalUi;
import org.threadlab.ui.TtyTerminal;
import org.threadlab.ui.UiOptions;
import org.threadlab.work.CpuCalibration;
import org.threadlab.worker.EventLog;
import org.threadlab.worker.Limits;
import org.threadlab.worker.SparePool;
import org.threadlab.worker.Supervisor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code threadlab ui}: the live screen. Checks that there is a terminal to draw on, then hands over. */
@Command(name = "ui", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The live screen: start threads, virtual threads and processes with keys and watch them side by side.",
                "",
                "Press ? on the screen for the keys. Needs a terminal of at least 80x24.",
                ""},
        footer = {"", "Colours follow TERM: none on vt100, 8 on xterm or screen, 256 where TERM says 256color (or "
                        + "COLORTERM=truecolor); none at all with --no-color or NO_COLOR. ASCII is used on a VT100 and "
                        + "when the locale is not UTF-8.",
                "Without a terminal, use threadlab run, compare or snapshot."})
public final class UiCommand implements Callable<Integer> {
    static final int EXIT_NO_TERMINAL = 2;
    static final String ELSEWHERE = "use 'threadlab snapshot', 'threadlab run' or 'threadlab compare' instead";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    UiArgs args;

    // --record (issue 10): the screen's models, as it shows them
    @CommandLine.Mixin
    RecordArgs record;

    /**
     * Where the screen's snapshots come from: the sampler's measurements joined with the supervisor's
     * workers by the model hub (which also posts the supervisor's events, so they show at once), and the
     * fine timeline's slices, read only while the timeline pane is open.
     */
    static SnapshotSource openSource(Supervisor supervisor, Duration interval) {
        return openSource(supervisor, interval, DataSource.AUTO);
    }

    /** The same, its figures read by {@code source} ({@code --source}). */
    static SnapshotSource openSource(Supervisor supervisor, Duration interval, DataSource source) {
        // the timeline's fine slices need /proc's schedstat whatever --source says: OSHI has no such figure
        return ModelHub.start(new Sampler(Platform.of(source), interval), supervisor, new SliceSampler(Platform.system()));
    }

    /**
     * As above ({@code source}: {@code --source}), watching these processes threadlab did not start ({@code attach}) from the first model on.
     * A PID refused now (it exited since it was checked) is an IllegalArgumentException, in the user's words.
     */
    static SnapshotSource openSource(Supervisor supervisor, Duration interval, DataSource source, List<Long> attach) {
        if (attach.isEmpty()) {
            return openSource(supervisor, interval, source);
        }
        ModelHub hub = new ModelHub(new Sampler(Platform.of(source), interval), supervisor, new SliceSampler(Platform.system()));
        for (long pid : attach) {
            String refused = hub.attach(pid);
            if (refused != null) {
                hub.close();
                throw new IllegalArgumentException("cannot watch pid " + pid + ": " + refused);
            }
        }
        hub.start();
        return hub;
    }

    /** Why the screen cannot start here, or null when it can; {@code size} null means not known yet. */
    static String refusal(boolean interactive, String term, TerminalSize size) {
        // sshd sets SSH_CONNECTION in every session; without -t it gives no terminal, and users then need the flag named
        return refusal(interactive, term, size, System.getenv("SSH_CONNECTION") != null);
    }

    /** As above, {@code overSsh} saying whether this runs in an SSH session. */
    static String refusal(boolean interactive, String term, TerminalSize size, boolean overSsh) {
        if (!interactive) {
            return "threadlab ui needs an interactive terminal (stdin/stdout is not one"
                    + (overSsh ? "; over SSH, 'ssh -t' gives it one" : "") + "); " + ELSEWHERE;
        }
        if (term == null || term.isBlank() || term.equals("dumb")) {
            return "threadlab ui cannot draw on TERM=" + (term == null || term.isBlank() ? "(unset)" : term) + "; " + ELSEWHERE;
        }
        if (size != null && (size.getColumns() < 80 || size.getRows() < 24)) {
            return "threadlab ui needs a terminal of at least 80x24, this one is " + size.getColumns() + "x" + size.getRows()
                    + "; enlarge it, or " + ELSEWHERE;
        }
        return null;
    }

    /** Why the terminal cannot be drawn on, in ui's words (replay says them of itself). */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The terminal on stdin and {@code out}, once it is known to be big enough; closed again when it is not. */
    static UnixTerminal openTerminal(OutputStream out) throws Refused, IOException {
        UnixTerminal terminal;
        TerminalSize size;
        try {
            terminal = new TtyTerminal(System.in, out, StandardCharsets.UTF_8);
            size = terminal.getTerminalSize();
        } catch (IOException | RuntimeException e) {
            throw new Refused("threadlab ui cannot use this terminal (" + e.getMessage() + "); " + ELSEWHERE);
        }
        String refused = refusal(true, System.getenv("TERM"), size);
        if (refused != null) {
            terminal.close();
            throw new Refused(refused);
        }
        return terminal;
    }

    @Override
    public Integer call() throws Exception {
        return show(spec, args, record, "ui", null);
    }

    /**
     * The live screen, for {@code ui} and {@code lesson}: checks the options and the terminal, runs the
     * screen (with the lesson's narration and keys when {@code lesson} is not null) until the user quits,
     * then prints what became of every worker.
     */
    static int show(CommandLine.Model.CommandSpec spec, UiArgs args, RecordArgs record, String command,
                    org.threadlab.lesson.Lesson lesson) throws Exception {
        return show(spec, args, record, command, lesson, List.of());
    }

    /** As above, watching these processes threadlab did not start ({@code attach}; checked by the caller). */
    static int show(CommandLine.Model.CommandSpec spec, UiArgs args, RecordArgs record, String command,
                    org.threadlab.lesson.Lesson lesson, List<Long> attach) throws Exception {
        checkInterval(spec, args);
        checkSpares(spec, args);
        // keys come from stdin and the screen goes to stdout: both must be the terminal
        String refused = refusal(Terminal.isTerminal(0) && Terminal.isTerminal(1), System.getenv("TERM"), null);
        if (refused != null) {
            return refuse(spec, lesson == null ? asCommand(refused, command) : forLesson(refused));
        }
        UiOptions options = UiOptions.detect(args.interval, args.gil, args.ascii, args.noColor, args.noMouse, System.getenv());
        OutputStream out = new BufferedOutputStream(keepOpen(new FileOutputStream(FileDescriptor.out)), 1 << 16);
        UnixTerminal terminal;
        try {
            terminal = openTerminal(out);
        } catch (Refused e) {
            return refuse(spec, lesson == null ? asCommand(e.getMessage(), command) : forLesson(e.getMessage()));
        }
        ExecutorService actions = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "threadlab-ui-actions");
            t.setDaemon(true);
            return t;
        });
        // measured once per machine; done now, in the background, so the first cpu spawn does not wait for it
        actions.execute(CpuCalibration::iterationsPerUnit);
        try (Supervisor supervisor = new Supervisor(Limits.DEFAULT, false, Platform.system()::availableMemoryBytes);
             SnapshotSource source = openSource(supervisor, options.interval(), args.source, attach);
             RecordArgs.Session recording = record.start(spec, command, options.interval())) {
            supervisor.keepSpares(args.spares);
            // the shared-state lessons say what the parent sees when a round ends
            Outcomes.watch(supervisor);
            if (recording != null) {
                recording.follow(source);
            }
            TerminalScreen screen = new TerminalScreen(terminal);
            TerminalUi.FrameSync sync = TerminalUi.FrameSync.escapes(out);
            if (lesson == null) {
                new TerminalUi(screen, supervisor, source, options, sync, actions).run();
            } else {
                try (LessonRunner runner = new LessonRunner(lesson, supervisor, source, LessonRunner.Options.system())) {
                    new TerminalUi(screen, supervisor, source, options, sync, actions, runner).run();
                }
            }
            // the screen is gone: what became of every worker stays on the terminal (the daemon lesson)
            for (String line : WorkerFates.lines(supervisor.workers(), supervisor.events().recent(EventLog.DEFAULT_CAPACITY))) {
                spec.commandLine().getOut().println(line);
            }
            // and the session's rounds side by side, as the tutorials print their results
            Snapshot last = source.awaitCurrent();
            for (String line : RoundsTable.lines(last == null ? List.of() : last.rounds())) {
                spec.commandLine().getOut().println(line);
            }
            spec.commandLine().getOut().flush();
        } finally {
            actions.shutdownNow();
            terminal.close();
        }
        return 0;
    }

    /** A refusal in the words of the command that opens the screen ("threadlab attach needs ..."). */
    static String asCommand(String uiRefusal, String command) {
        return command.equals("attach") ? uiRefusal.replace("threadlab ui ", "threadlab attach ") : uiRefusal;
    }

    /** A refusal in the lesson command's words: it has a way without a screen of its own. */
    static String forLesson(String uiRefusal) {
        return uiRefusal.replace("threadlab ui ", "threadlab lesson ").replace(ELSEWHERE, "use 'threadlab lesson NAME --headless' instead");
    }

    /** --interval within the screen's range, else bad usage. */
    static void checkInterval(CommandLine.Model.CommandSpec spec, UiArgs args) {
        if (args.interval.compareTo(Sampler.MIN_INTERVAL) < 0 || args.interval.compareTo(UiOptions.MAX_INTERVAL) > 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--interval must be between "
                    + Durations.format(Sampler.MIN_INTERVAL) + " and " + Durations.format(UiOptions.MAX_INTERVAL) + ", not " + Durations.format(args.interval));
        }
    }

    /** --spares within 0 to {@link SparePool#MAX}, else bad usage. */
    static void checkSpares(CommandLine.Model.CommandSpec spec, UiArgs args) {
        if (args.spares < 0 || args.spares > SparePool.MAX) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--spares must be between 0 and " + SparePool.MAX
                    + " (each is a JVM of its own), not " + args.spares);
        }
    }

    private static int refuse(CommandLine.Model.CommandSpec spec, String message) {
        spec.commandLine().getErr().println(message);
        spec.commandLine().getErr().flush();
        return EXIT_NO_TERMINAL;
    }

    /** Closing the terminal must not close the process's stdout. */
    static OutputStream keepOpen(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
