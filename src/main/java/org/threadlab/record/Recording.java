package org.threadlab.record;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.threadlab.model.Snapshot;
import org.threadlab.worker.Event;

/**
 * A recording read whole: its header, its models in order, every event it wrote, and what the
 * reader noticed without refusing the file (a partial last line skipped, no end line, models the
 * writer had to drop).
 *
 * @param models    in order, decoded when asked for: the next one at once, an earlier one from a state kept every few
 * @param times     when each model was taken, without decoding it
 * @param newEvents the indexes of the models that show an event the model before did not
 * @param workers   how many workers the session had (a worker is its id and its start: compare's runs reuse ids)
 * @param notes one line each, in the user's terms, for the summary and the replay's status line
 */
public record Recording(Header header, List<Snapshot> models, List<Instant> times, List<Integer> newEvents, int workers,
                        List<Event> events, List<String> notes) {
    public Recording {
        // models are decoded when asked for (see LazyModels): not copied
        times = List.copyOf(times);
        newEvents = List.copyOf(newEvents);
        events = List.copyOf(events);
        notes = List.copyOf(notes);
    }

    /** From the first model to the last; zero when there are fewer than two. */
    public Duration duration() {
        return times.size() < 2 ? Duration.ZERO : Duration.between(times.get(0), times.get(times.size() - 1));
    }
}
