package org.threadlab.worker;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** The supervisor's events: a capped history (for the screen) and live listeners (for the CLI). */
public final class EventLog {
    public static final int DEFAULT_CAPACITY = 1000;

    private final int capacity;
    private final Deque<Event> recent = new ArrayDeque<>();
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong();

    public EventLog(int capacity) {
        this.capacity = capacity;
    }

    public Event publish(Event.Type type, int workerId, String text) {
        Event e;
        synchronized (recent) {
            e = new Event(seq.incrementAndGet(), Instant.now(), type, workerId, text);
            recent.addLast(e);
            while (recent.size() > capacity) {
                recent.removeFirst();
            }
        }
        for (Consumer<Event> l : listeners) {
            l.accept(e);
        }
        return e;
    }

    /** The newest events, oldest first, at most {@code max}. */
    public List<Event> recent(int max) {
        synchronized (recent) {
            List<Event> all = new ArrayList<>(recent);
            return List.copyOf(all.subList(Math.max(0, all.size() - max), all.size()));
        }
    }

    public void subscribe(Consumer<Event> listener) {
        listeners.add(listener);
    }
}
