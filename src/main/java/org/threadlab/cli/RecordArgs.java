package org.threadlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.threadlab.model.SnapshotSource;
import org.threadlab.record.Recorder;
import org.threadlab.text.Sizes;
import org.threadlab.worker.Supervisor;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --record FILE} and {@code --record-max SIZE}, shared by ui, run and compare (and plain threadlab). */
public final class RecordArgs {
    /** The interval run and compare sample at while they record (the screen's default): they have no screen of their own. */
    static final Duration HEADLESS_INTERVAL = Duration.ofSeconds(1);

    @Option(names = "--record", paramLabel = "FILE",
            description = "write the session to FILE (replaced if it exists) as JSON Lines, every model and event as they happen; "
                    + "'threadlab replay FILE' plays it")
    Path file;

    @Option(names = "--record-max", paramLabel = "SIZE", defaultValue = "100MiB",
            description = "past SIZE the recording is rotated: FILE becomes FILE.1 and a new FILE begins (default: ${DEFAULT-VALUE})")
    String max;

    /**
     * The recorder, its file created, or null without {@code --record}. A bad size or a file that
     * cannot be written is bad usage, said before the session starts.
     */
    private Recorder open(CommandLine.Model.CommandSpec spec, String command, Duration interval) {
        if (file == null) {
            return null;
        }
        long bytes;
        try {
            bytes = Sizes.parse(max);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--record-max: " + e.getMessage());
        }
        if (bytes < 64 * Sizes.KIB) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--record-max must be at least 64KiB, not " + max);
        }
        try {
            return new Recorder(file, bytes, command, interval);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--record " + file + ": cannot write it ("
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such directory"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : e.toString()) + ")");
        }
    }

    /**
     * The recording of one command, or null without {@code --record}: the file is created now, so a
     * path that cannot be written is refused before anything starts.
     */
    Session start(CommandLine.Model.CommandSpec spec, String command, Duration interval) {
        Recorder r = open(spec, command, interval);
        return r == null ? null : new Session(r, spec);
    }

    /** A recorder for one command: it follows the sources it is given, and says where it wrote when closed. */
    static final class Session implements AutoCloseable {
        private final Recorder recorder;
        private final CommandLine.Model.CommandSpec spec;

        Session(Recorder recorder, CommandLine.Model.CommandSpec spec) {
            this.recorder = recorder;
            this.spec = spec;
        }

        /** Records the screen's own source; returns it. */
        SnapshotSource follow(SnapshotSource source) {
            // a recording keeps every thread's switch counts, whatever the screen shows
            source.keepEverySwitch();
            recorder.follow(source);
            return source;
        }

        /** For commands without a screen: a source of their own on {@code supervisor}, recorded; the caller closes it. */
        SnapshotSource watch(Supervisor supervisor) {
            return follow(UiCommand.openSource(supervisor, HEADLESS_INTERVAL));
        }

        /** Writes what is queued and the end line, and says on stderr where the recording is (and what it dropped). */
        @Override
        public void close() {
            recorder.close();
            spec.commandLine().getErr().println("threadlab: " + recorder.summary());
            spec.commandLine().getErr().flush();
        }
    }

    /** The same options as arguments, to hand to {@code ui}. */
    public List<String> toArgs() {
        List<String> a = new ArrayList<>();
        if (file != null) {
            a.addAll(List.of("--record", file.toString(), "--record-max", max));
        }
        return a;
    }
}
