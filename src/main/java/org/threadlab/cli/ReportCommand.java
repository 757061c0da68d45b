package org.threadlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import org.threadlab.record.BadRecording;
import org.threadlab.record.HtmlReport;
import org.threadlab.record.Recording;
import org.threadlab.record.RecordingReader;
import org.threadlab.record.ReportData;
import org.threadlab.text.Sizes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code threadlab report FILE [-o report.html]}: a recording drawn as one self-contained HTML page. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw a session recorded with --record as one HTML page to keep: each core's use over time, "
                + "each worker's states as coloured bands, memory, the rounds with their verdicts and the events.",
                "",
                "The page holds everything it shows (its charts' script included): open it in any browser, with no "
                        + "network.",
                ""},
        footer = {"", "Without -o the page is written beside the recording, named after it: s.jsonl gives s.html.",
                "Exit codes: 0 written, 2 a file that is not a readable recording (FILE:LINE: what is wrong), one with "
                        + "no model, or a page that cannot be written there."})
public final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a recording written by --record")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "HTML",
            description = "where to write the page (default: FILE with .html for its .jsonl)")
    Path output;

    @Override
    public Integer call() {
        Path out = output != null ? output : defaultOutput(file);
        if (Files.isDirectory(out)) {
            return fail(out + ": is a directory: name the page to write, e.g. -o " + out.resolve("report.html"));
        }
        if (Files.exists(file) && same(file, out)) {
            return fail(out + ": is the recording itself: name another file for the page with -o");
        }
        Recording recording;
        try {
            recording = RecordingReader.read(file);
        } catch (BadRecording e) {
            return fail(e.getMessage());
        }
        if (recording.models().isEmpty()) {
            return fail(file + ": nothing to report: the session ended before its first model");
        }
        for (String note : recording.notes()) {
            spec.commandLine().getErr().println("threadlab: " + note);
        }
        String page = HtmlReport.html(ReportData.of(recording, file.getFileName().toString()));
        String refused = write(out, page);
        if (refused != null) {
            return fail(refused);
        }
        spec.commandLine().getErr().println("threadlab: wrote " + out + " (" + Sizes.compact(page.length()) + "): "
                + recording.models().size() + " models over " + org.threadlab.text.Durations.seconds(recording.duration())
                + ", " + org.threadlab.text.Words.count(recording.workers(), "worker") + ", "
                + org.threadlab.text.Words.count(recording.events().size(), "event"));
        spec.commandLine().getErr().flush();
        return 0;
    }

    /** s.jsonl gives s.html beside it; a name without .jsonl gets .html added (rec gives rec.html). */
    static Path defaultOutput(Path recording) {
        String name = recording.getFileName().toString();
        String base = name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
        return recording.resolveSibling((base.isEmpty() ? name : base) + ".html");
    }

    private static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // not comparable: the reading or the writing says what is wrong
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /**
     * Writes the page whole or not at all: into a file beside it, then moved over it, so a failed write
     * leaves no half a page (nor half of an older one). Returns null, or the one line that says why not.
     */
    static String write(Path out, String page) {
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            if (dir != null && !Files.isDirectory(dir)) {
                return out + ": cannot write it (" + (Files.exists(dir) ? dir + " is not a directory" : "no directory " + dir) + ")";
            }
            // created as any new file is (the umask's permissions), unlike createTempFile's owner-only ones
            Path fresh = (dir != null ? dir : Path.of("")).resolve("." + out.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            tmp = fresh;
            Files.writeString(fresh, page, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return null;
        } catch (AccessDeniedException e) {
            return out + ": cannot write it (permission denied)";
        } catch (NoSuchFileException e) {
            // the directory is there (checked above) but takes no new file: /proc, a directory removed meanwhile
            return out + ": cannot write it (no file can be created there)";
        } catch (FileSystemException e) {
            return out + ": cannot write it (" + (e.getReason() != null ? e.getReason() : e.getMessage()) + ")";
        } catch (IOException e) {
            return out + ": cannot write it (" + e.getMessage() + ")";
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // nothing more to do: the message already says the page was not written
                }
            }
        }
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("threadlab: " + message);
        spec.commandLine().getErr().flush();
        return ReplayCommand.EXIT_BAD;
    }
}
