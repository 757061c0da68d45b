package org.threadlab.cli;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.threadlab.record.BadRecording;
import org.threadlab.record.Header;
import org.threadlab.record.Recording;
import org.threadlab.record.RecordingReader;
import org.threadlab.record.ReplaySource;
import org.threadlab.text.Durations;
import org.threadlab.ui.ReplayCommands;
import org.threadlab.ui.ReplayKeys;
import org.threadlab.ui.TerminalUi;
import org.threadlab.ui.UiOptions;
import org.threadlab.worker.Event;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code threadlab replay FILE}: a recording played in the live screen, or summed up as text. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Play a session recorded with --record in the same screen: pause, step, jump to the next "
                + "event, play at x0.25 to x16.",
                "",
                "Keys: space (or p) play/pause, . and , one model forward/back, > and < faster/slower, n next event, "
                        + "q quit; the live keys that move around (arrows, Tab, s, /, ?) work as in the live screen.",
                ""},
        footer = {"", "With --print, or when stdout is not a terminal, it prints a summary (the header, how long, how many "
                + "models and events, then the events) instead.",
                "Exit codes: 0 played or printed, 2 a file that is not a readable recording (FILE:LINE: what is wrong) or no terminal to play it on."})
public final class ReplayCommand implements Callable<Integer> {
    static final int EXIT_BAD = 2;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a recording written by --record")
    Path file;

    @Option(names = "--print", description = "print a summary of the recording instead of playing it")
    boolean print;

    @Option(names = "--ascii", description = "draw with ASCII only (automatic when the locale is not UTF-8 and on a VT100)")
    boolean ascii;

    @Option(names = "--no-color", description = "no colour (also when the NO_COLOR environment variable is set)")
    boolean noColor;

    @Option(names = "--no-mouse", description = "leave the mouse to the terminal (its own text selection); by default clicks select rows and sort, the wheel scrolls")
    boolean noMouse;

    @Override
    public Integer call() throws Exception {
        Recording recording;
        try {
            recording = RecordingReader.read(file);
        } catch (BadRecording e) {
            return fail(e.getMessage());
        }
        if (print || !Terminal.isTerminal(1)) {
            print(recording, spec.commandLine().getOut());
            return 0;
        }
        if (recording.models().isEmpty()) {
            return fail(file + ": nothing to replay: the session ended before its first model");
        }
        String refused = UiCommand.refusal(Terminal.isTerminal(0), System.getenv("TERM"), null);
        if (refused != null) {
            return refuse(refused);
        }
        UiOptions options = UiOptions.detect(recording.models().get(0).interval(), false, ascii, noColor, noMouse, System.getenv());
        OutputStream out = new BufferedOutputStream(UiCommand.keepOpen(new FileOutputStream(FileDescriptor.out)), 1 << 16);
        UnixTerminal terminal;
        try {
            terminal = UiCommand.openTerminal(out);
        } catch (UiCommand.Refused e) {
            return refuse(e.getMessage());
        }
        try (ReplaySource source = new ReplaySource(recording)) {
            // no supervisor: the replay's commands say that this is a replay, and quitting waits for nothing
            new TerminalUi(new TerminalScreen(terminal), new ReplayCommands(), source, options, TerminalUi.FrameSync.escapes(out),
                    Runnable::run, List.of(ReplayKeys.group(source)))
                    .showing(() -> source.position().label(), recording.notes().isEmpty() ? "paused at the first model: space plays"
                            : String.join("; ", recording.notes()))
                    .run();
        } finally {
            terminal.close();
        }
        for (String note : recording.notes()) {
            spec.commandLine().getErr().println("threadlab: " + note);
        }
        spec.commandLine().getErr().flush();
        return 0;
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("threadlab: " + message);
        spec.commandLine().getErr().flush();
        return EXIT_BAD;
    }

    /** The screen's refusals, in ui's words (they start with the command's name), said of replay. */
    private int refuse(String uiMessage) {
        spec.commandLine().getErr().println(uiMessage.replace("threadlab ui", "threadlab replay")
                .replace(UiCommand.ELSEWHERE, "use 'threadlab replay --print' instead"));
        spec.commandLine().getErr().flush();
        return EXIT_BAD;
    }

    /** The header, how long, how many models and events, the notes, then every event as the events pane shows it. */
    static void print(Recording r, PrintWriter out) {
        Header h = r.header();
        out.println("recording  format " + h.version() + ", written by threadlab " + h.threadlab() + " (" + h.command() + ")");
        out.println("host       " + h.host() + ", " + h.cores() + " cores");
        out.println("started    " + h.start() + " (" + h.start().atZone(ZoneId.systemDefault()).toLocalDateTime().withNano(0) + " local)");
        out.println("models     " + r.models().size() + (h.interval() != null ? ", every " + Durations.format(h.interval()) : "")
                + ", over " + Durations.seconds(r.duration()));
        out.println("workers    " + r.workers());
        out.println("events     " + r.events().size());
        for (String note : r.notes()) {
            out.println("note       " + note);
        }
        if (!r.events().isEmpty()) {
            out.println();
        }
        for (Event e : r.events()) {
            out.println(e.at().atZone(ZoneId.systemDefault()).format(CLOCK) + "  " + e.text());
        }
        out.flush();
    }
}
