package org.threadlab.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A bounded first-in-first-out queue of longs in a memory-mapped file, for one producer process
 * and one consumer process: the inter-process analogue of a thread's bounded queue. The producer
 * alone moves the tail, the consumer alone moves the head, so no lock is needed; volatile
 * (release/acquire) accesses order the slot writes before the index that publishes them.
 */
public final class MappedRing implements AutoCloseable {
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final int HEAD = 0;
    private static final int TAIL = 8;
    private static final int CAPACITY = 16;
    private static final int SLOTS = 64;
    public static final int MAX_CAPACITY = 1 << 20;

    private final FileChannel channel;
    private final MappedByteBuffer buffer;
    private final long capacity;

    private MappedRing(Path file, int capacity, boolean create) {
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            int cap = create ? capacity : -1;
            if (!create) {
                MappedByteBuffer header = channel.map(FileChannel.MapMode.READ_ONLY, 0, SLOTS);
                cap = (int) (long) LONGS.getVolatile(header, CAPACITY);
            }
            if (cap < 1 || cap > MAX_CAPACITY) {
                throw new IllegalStateException("queue file " + file + " has a bad capacity " + cap);
            }
            buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, SLOTS + 8L * cap);
            this.capacity = cap;
            if (create) {
                LONGS.setVolatile(buffer, HEAD, 0L);
                LONGS.setVolatile(buffer, TAIL, 0L);
                LONGS.setVolatile(buffer, CAPACITY, (long) cap);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map queue file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Creates (or empties) the queue file with room for {@code capacity} items. */
    public static MappedRing create(Path file, int capacity) {
        return new MappedRing(file, capacity, true);
    }

    /** Opens a queue file another process created. */
    public static MappedRing open(Path file) {
        return new MappedRing(file, 0, false);
    }

    /** Producer only: adds an item, or returns false when the queue is full. */
    public boolean offer(long item) {
        long tail = (long) LONGS.getVolatile(buffer, TAIL);
        long head = (long) LONGS.getVolatile(buffer, HEAD);
        if (tail - head >= capacity) {
            return false;
        }
        LONGS.setRelease(buffer, slot(tail), item);
        LONGS.setVolatile(buffer, TAIL, tail + 1);
        return true;
    }

    /** Consumer only: takes the oldest item, or returns -1 when the queue is empty (items are never negative). */
    public long poll() {
        long head = (long) LONGS.getVolatile(buffer, HEAD);
        long tail = (long) LONGS.getVolatile(buffer, TAIL);
        if (head == tail) {
            return -1;
        }
        long item = (long) LONGS.getAcquire(buffer, slot(head));
        LONGS.setVolatile(buffer, HEAD, head + 1);
        return item;
    }

    private int slot(long index) {
        return SLOTS + (int) (index % capacity) * 8;
    }

    public long puts() {
        return (long) LONGS.getVolatile(buffer, TAIL);
    }

    public long gets() {
        return (long) LONGS.getVolatile(buffer, HEAD);
    }

    public int size() {
        return (int) (puts() - gets());
    }

    public long capacity() {
        return capacity;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to keep
        }
    }
}
