package org.threadlab.record;

import java.time.Duration;
import java.util.List;
import org.threadlab.model.Snapshot;
import org.threadlab.worker.Event;

/**
 * A recording read whole: its header, its models in order, every event it wrote, and what the
 * reader noticed without refusing the file (a partial last line skipped, no end line, models the
 * writer had to drop).
 *
 * @param notes one line each, in the user's terms, for the summary and the replay's status line
 */
public record Recording(Header header, List<Snapshot> models, List<Event> events, List<String> notes) {
    public Recording {
        models = List.copyOf(models);
        events = List.copyOf(events);
        notes = List.copyOf(notes);
    }

    /** From the first model to the last; zero when there are fewer than two. */
    public Duration duration() {
        return models.size() < 2 ? Duration.ZERO : Duration.between(models.get(0).takenAt(), models.get(models.size() - 1).takenAt());
    }
}
