package org.threadlab.ui;

import java.time.Duration;
import java.util.List;
import org.threadlab.model.SnapshotSource;
import org.threadlab.model.Timeline;
import org.threadlab.text.Durations;

/**
 * The timeline pane's commands: T opens and closes it, [ and ] zoom, Up/Down scroll its lanes. Opening
 * and closing are commands to the source (keys -> commands -> source), which reads fine time only
 * while someone looks at it; a zoom asks the source for another slice length.
 */
final class TimelinePane {
    /** The slices [ and ] step through: one column each. */
    static final List<Duration> SLICES = List.of(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1));

    private final UiState st;
    private final SnapshotSource source;

    TimelinePane(UiState st, SnapshotSource source) {
        this.st = st;
        this.source = source;
    }

    /** T: the pane on or off. */
    Reaction toggle() {
        if (st.timelinePane) {
            close();
            st.status("", false);
        } else {
            open();
            st.status(st.replay != null ? "timeline: a column per recorded sample; Up/Down lanes, T or Esc closes"
                    : "timeline: " + Durations.format(st.slice) + " a column; [ ] zoom, Up/Down lanes, T or Esc closes", false);
        }
        return Reaction.REDRAW;
    }

    /** Opens the pane over the tables (the rounds pane closes: they share the place) and starts the fine timeline. */
    void open() {
        st.roundsPane = false;
        if (st.timelinePane) {
            return;
        }
        st.timelinePane = true;
        st.timelineTop = 0;
        source.showTimeline(true);
        if (st.frozen == null || st.timeline.slices() == 0) {
            st.timeline = source.timeline();
        }
    }

    /** Closes the pane, and the source stops reading fine time. */
    void close() {
        if (st.timelinePane) {
            st.timelinePane = false;
            source.showTimeline(false);
        }
    }

    /** A new timeline from the source: on show unless the display is frozen (an empty one takes the first that comes). */
    boolean arrived(Timeline t) {
        if (!st.timelinePane || st.frozen != null && st.timeline.slices() > 0) {
            return false;
        }
        st.timeline = t;
        return true;
    }

    /** [ (finer, {@code step} -1) and ] (coarser): the next slice length along {@link #SLICES}. */
    Reaction zoom(int step) {
        int i = 0;
        while (i < SLICES.size() - 1 && SLICES.get(i).compareTo(st.slice) < 0) {
            i++;
        }
        Duration d = SLICES.get(Math.max(0, Math.min(SLICES.size() - 1, i + step)));
        boolean same = d.equals(st.slice);
        st.slice = d;
        source.setSlice(d);
        String edge = same ? (step < 0 ? " (the finest)" : " (the coarsest)") : "";
        if (st.replay != null) {
            // a replay's columns are the samples it recorded: a finer slice is not there to show
            st.status("timeline: a replay has a column per recorded sample; [ ] zoom the live screen's", false);
            return Reaction.REDRAW;
        }
        st.status("timeline: " + Durations.format(d) + " a column asked for" + edge + (st.timelinePane ? "" : "; T shows it"), false);
        return Reaction.REDRAW;
    }

    /** Up/Down (and the page keys) while the pane is open: the lanes scroll when they do not all fit. */
    void scroll(int delta, int laneRows) {
        int lanes = st.timeline.lanes().size();
        long next = (long) Math.max(0, Math.min(st.timelineTop, lanes - laneRows)) + delta;
        st.timelineTop = (int) Math.max(0, Math.min(Math.max(0, lanes - laneRows), next));
    }
}
