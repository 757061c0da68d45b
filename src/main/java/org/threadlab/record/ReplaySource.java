package org.threadlab.record;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.threadlab.model.Snapshot;
import org.threadlab.model.SnapshotSource;
import org.threadlab.model.Timeline;

/**
 * A recording played back as a {@link SnapshotSource}, so the live screen draws it unchanged. A
 * thread of its own moves to the next model after the time that separated the two when recorded,
 * divided by the speed; pause, step, speed and "next event" act at once and the wait starts again.
 * Starts paused at the first model.
 *
 * <p>Its timeline has one column per recorded model (see {@link ReplayTimeline}): a recording keeps the
 * refresh interval's figures, not the fine timeline's slices, and its note says so.
 */
public final class ReplaySource implements SnapshotSource {
    /** The speeds ',' and '.' step through; x1 is in the middle. */
    public static final List<Double> SPEEDS = List.of(0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0);
    /** A gap in the recording (a rotation, between compare's runs) is played as at most this much recorded time. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    /** What the screen shows of the replay: where it is, whether it plays, how fast. */
    public record Position(int index, int count, boolean playing, double speed, Duration elapsed, Duration total) {
        public boolean atEnd() {
            return index == count - 1;
        }

        /** "REPLAY > x2  12/340  0:11/5:39" (or "||" when paused): the header's replay item. */
        public String label() {
            String s = speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed);
            return "REPLAY " + (playing ? ">" : "||") + " x" + s + "  " + (index + 1) + "/" + count + "  " + clock(elapsed) + "/" + clock(total);
        }

        private static String clock(Duration d) {
            long s = Math.max(0, d.getSeconds());
            return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
    }

    private final Recording recording;
    private final List<Snapshot> models;
    /** When each model was taken: the waits between them, without decoding them. */
    private final List<java.time.Instant> times;
    /** For each model, whether it shows an event the model before did not. */
    private final boolean[] news;
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Timeline>> timelineListeners = new CopyOnWriteArrayList<>();
    private final ReplayTimeline timelines;
    private volatile boolean timelineShown;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread player;
    private int index;
    private boolean playing;
    private int speed = SPEEDS.indexOf(1.0);
    private boolean closed;
    /**
     * System.nanoTime() when the model on show was due: the next is due the recorded gap (divided by
     * the speed) after it, not after it was decoded and handed on, so that time is not added at every
     * model. Any change (play, step, speed) starts counting again from now.
     */
    private long due = System.nanoTime();
    /** How far behind the player may catch up by showing models at once; past it, it starts counting again. */
    private static final long MOST_BEHIND_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** IllegalArgumentException for a recording without a model: there is nothing to show. */
    public ReplaySource(Recording recording) {
        if (recording.models().isEmpty()) {
            throw new IllegalArgumentException("the recording has no model to show");
        }
        this.recording = recording;
        this.models = recording.models();
        this.times = recording.times();
        this.timelines = new ReplayTimeline(models, times);
        this.news = new boolean[models.size()];
        for (int i : recording.newEvents()) {
            news[i] = true;
        }
        this.player = new Thread(this::play, "threadlab-replay");
        player.setDaemon(true);
        player.start();
    }

    @Override
    public Snapshot latest() {
        lock.lock();
        try {
            return models.get(index);
        } finally {
            lock.unlock();
        }
    }

    /** A replay has nothing in flight: what is shown is current. */
    @Override
    public Snapshot awaitCurrent() {
        return latest();
    }

    @Override
    public void onSnapshot(Consumer<Snapshot> listener) {
        listeners.add(listener);
    }

    /**
     * The timeline up to the model on show, one column per recorded model (at most
     * {@link org.threadlab.model.TimelineBook#SLICES}); {@link Timeline#EMPTY} while it is not shown.
     */
    @Override
    public Timeline timeline() {
        return timelineShown ? timelines.at(position().index()) : Timeline.EMPTY;
    }

    @Override
    public void onTimeline(Consumer<Timeline> listener) {
        timelineListeners.add(listener);
    }

    /** While shown, every model put on show publishes its timeline too; shown at once when turned on. */
    @Override
    public void showTimeline(boolean on) {
        timelineShown = on;
        if (on) {
            publishTimeline(position().index());
        }
    }

    private void publishTimeline(int index) {
        Timeline t = timelines.at(index);
        for (Consumer<Timeline> l : timelineListeners) {
            l.accept(t);
        }
    }

    /** The interval the model on show was recorded at. */
    @Override
    public Duration interval() {
        return latest().interval();
    }

    /** A recording's interval is what it was: UnsupportedOperationException, with the reason to show. */
    @Override
    public void setInterval(Duration interval) {
        throw new UnsupportedOperationException("this is a replay: its models were taken when it was recorded");
    }

    public Position position() {
        lock.lock();
        try {
            return new Position(index, models.size(), playing, SPEEDS.get(speed),
                    Duration.between(times.get(0), times.get(index)), recording.duration());
        } finally {
            lock.unlock();
        }
    }

    /** Plays or pauses; at the end, play starts again from the first model. Returns whether it now plays. */
    public boolean togglePlay() {
        return change(() -> {
            playing = !playing;
            if (playing && index == models.size() - 1) {
                index = 0;
            }
        }, () -> playing);
    }

    /** One model forward (or back, {@code delta} -1), paused. False when there is none that way. */
    public boolean step(int delta) {
        return change(() -> playing = false, () -> move(index + delta));
    }

    /** Faster (+1) or slower (-1) through {@link #SPEEDS}; returns the speed now. */
    public double speed(int delta) {
        lock.lock();
        try {
            speed = Math.max(0, Math.min(SPEEDS.size() - 1, speed + delta));
            due = System.nanoTime();
            changed.signalAll();
            return SPEEDS.get(speed);
        } finally {
            lock.unlock();
        }
    }

    /** To the next model that shows a new event (playing or not); false when no later one does. */
    public boolean nextEvent() {
        return change(() -> { }, () -> {
            for (int i = index + 1; i < models.size(); i++) {
                if (news[i]) {
                    return move(i);
                }
            }
            return false;
        });
    }

    private boolean move(int to) {
        if (to < 0 || to >= models.size() || to == index) {
            return false;
        }
        index = to;
        return true;
    }

    /** Runs both under the lock, then tells the listeners when the model on show changed. */
    private boolean change(Runnable first, java.util.function.BooleanSupplier then) {
        Snapshot shown;
        int at;
        boolean result;
        lock.lock();
        try {
            int before = index;
            first.run();
            result = then.getAsBoolean();
            due = System.nanoTime();
            changed.signalAll();
            shown = index != before ? models.get(index) : null;
            at = index;
        } finally {
            lock.unlock();
        }
        if (shown != null) {
            publish(shown, at);
        }
        return result;
    }

    private void publish(Snapshot s, int at) {
        for (Consumer<Snapshot> l : listeners) {
            l.accept(s);
        }
        if (timelineShown) {
            publishTimeline(at);
        }
    }

    private void play() {
        while (true) {
            Snapshot next;
            int at;
            lock.lock();
            try {
                if (closed) {
                    return;
                }
                if (!playing || index == models.size() - 1) {
                    playing = playing && index < models.size() - 1;
                    changed.await();
                    continue;
                }
                Duration gap = Duration.between(times.get(index), times.get(index + 1));
                if (gap.isNegative()) {
                    gap = Duration.ZERO;
                } else if (gap.compareTo(LONGEST_WAIT) > 0) {
                    gap = LONGEST_WAIT;
                }
                long nextDue = due + (long) (gap.toNanos() / SPEEDS.get(speed));
                long now = System.nanoTime();
                // any change (pause, step, speed) wakes the wait and resets due: it starts again from the model on show
                if (nextDue - now > 0 && changed.awaitNanos(nextDue - now) > 0) {
                    continue;
                }
                due = now - nextDue > MOST_BEHIND_NANOS ? now : nextDue;
                index++;
                next = models.get(index);
                at = index;
                if (index == models.size() - 1) {
                    playing = false;
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            publish(next, at);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            player.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
