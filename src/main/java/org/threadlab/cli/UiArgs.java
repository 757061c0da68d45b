package org.threadlab.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.threadlab.sample.DataSource;
import org.threadlab.text.Durations;
import picocli.CommandLine.Option;

/** The screen's options, shared by {@code threadlab ui} and plain {@code threadlab} (which opens the screen too). */
public final class UiArgs {
    @Option(names = "--interval", paramLabel = "DURATION", converter = Converters.DurationConverter.class, defaultValue = "1s",
            description = "how often the screen samples, 100ms to 10s (default: ${DEFAULT-VALUE})")
    Duration interval;

    @Option(names = "--source", paramLabel = "SOURCE", converter = Converters.SourceConverter.class,
            completionCandidates = Converters.SourceNames.class, defaultValue = "auto",
            description = "what reads the figures: oshi, proc (Linux's /proc by hand) or auto, the best here: proc on Linux, "
                    + "oshi elsewhere (default: ${DEFAULT-VALUE}); shown in the header")
    DataSource source = DataSource.AUTO;

    @Option(names = "--gil", description = "start with the simulated GIL on")
    boolean gil;

    @Option(names = "--ascii", description = "draw with ASCII only (automatic when the locale is not UTF-8 and on a VT100)")
    boolean ascii;

    @Option(names = "--no-color", description = "no colour (also when the NO_COLOR environment variable is set)")
    boolean noColor;

    @Option(names = "--no-mouse", description = "leave the mouse to the terminal (its own text selection); by default clicks select rows and sort, the wheel scrolls")
    boolean noMouse;

    @Option(names = "--spares", paramLabel = "N", defaultValue = "0",
            description = "keep N idle child JVMs ready, 0 to 8: a process worker starts in one at once, and another is started in its place (default: ${DEFAULT-VALUE})")
    int spares;

    /** The same options as arguments, to hand to {@code ui}. */
    public String[] toArgs() {
        List<String> a = new ArrayList<>(List.of("--interval", Durations.format(interval), "--source", source.label()));
        if (gil) {
            a.add("--gil");
        }
        if (ascii) {
            a.add("--ascii");
        }
        if (noColor) {
            a.add("--no-color");
        }
        if (noMouse) {
            a.add("--no-mouse");
        }
        if (spares != 0) {
            a.add("--spares");
            a.add(Integer.toString(spares));
        }
        return a.toArray(new String[0]);
    }
}
