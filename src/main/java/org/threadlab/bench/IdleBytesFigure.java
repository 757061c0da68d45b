package org.threadlab.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Bytes a second threadlab writes to its terminal while nothing happens (screen open, no workers, 1 s
 * interval), against {@code htop -d 10} in a terminal of the same size over the same window (issue
 * 13: keep <= 0.5x). Each counts what it passed to write(2): {@code /proc/PID/io}'s wchar.
 */
public final class IdleBytesFigure implements Figure {
    private static final String REFERENCE = "htop -d 10, same terminal size, same window";

    @Override
    public String id() {
        return "idle-bytes";
    }

    @Override
    public String summary() {
        return "bytes a second written to the terminal by an idle screen (1 s interval), against htop -d 10 in a same-size tmux";
    }

    @Override
    public List<BenchRow> measure(BenchContext context) throws Exception {
        String figure = "bytes/s to the terminal, idle screen, 1 s interval";
        Optional<Path> tmux = context.references().find("tmux");
        if (tmux.isEmpty()) {
            return List.of(BenchRow.skipped("idle-bytes", figure, REFERENCE, "<= 0.5x",
                    References.missing("tmux") + ": no terminal to open the screen in"));
        }
        Optional<Path> htop = context.references().find("htop");
        context.say("bench idle-bytes: starting threadlab and htop in tmux…");
        try (SideBySide both = SideBySide.start(tmux.get(), htop, 1)) {
            // past the first frames (the whole screen, once): from then on a frame writes what changed
            Thread.sleep(context.quick() ? 1_000 : 5_000);
            context.say("bench idle-bytes: measuring…");
            SideBySide.Window w = both.window(context.quick() ? 3 : 20);
            return List.of(BenchRow.ratio("idle-bytes", figure, Amount.bytesPerSecond(w.threadlabBytesPerSecond()[0]), REFERENCE,
                            htop.isPresent() ? Amount.bytesPerSecond(w.htopBytesPerSecond()) : null, 0.5,
                            References.missing("htop") + ": ratio skipped")
                    .withNote(String.format(Locale.ROOT, "%.0f s window; %s", w.seconds(), both.started)));
        }
    }
}
