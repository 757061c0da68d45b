package org.threadlab.model;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.threadlab.sample.SliceBatch;
import org.threadlab.sample.SliceSource;
import org.threadlab.sample.SliceWatch;

/** A slice source for tests: reads nothing, publishes the batches the test gives it, and remembers what it was asked. */
final class FakeSliceSource implements SliceSource {
    private final List<Consumer<SliceBatch>> listeners = new CopyOnWriteArrayList<>();
    private final String unavailable;
    volatile SliceWatch watching = SliceWatch.NOTHING;
    volatile Duration slice = DEFAULT_SLICE;
    volatile boolean running;
    volatile boolean closed;
    volatile int starts;

    FakeSliceSource() {
        this(null);
    }

    FakeSliceSource(String unavailable) {
        this.unavailable = unavailable;
    }

    /** Publishes a batch, as the real source does on its own thread, whether started or not (a late batch). */
    void emit(SliceBatch batch) {
        for (Consumer<SliceBatch> l : listeners) {
            l.accept(batch);
        }
    }

    @Override
    public void watch(SliceWatch watch) {
        watching = watch;
    }

    @Override
    public void setSlice(Duration slice) {
        this.slice = slice;
    }

    @Override
    public Duration slice() {
        return slice;
    }

    @Override
    public void start() {
        running = true;
        starts++;
    }

    @Override
    public void pause() {
        running = false;
    }

    @Override
    public boolean running() {
        return running;
    }

    @Override
    public void onSlices(Consumer<SliceBatch> listener) {
        listeners.add(listener);
    }

    @Override
    public String unavailable() {
        return unavailable;
    }

    @Override
    public void close() {
        running = false;
        closed = true;
    }
}
