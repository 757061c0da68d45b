package org.threadlab.sample;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One thread's {@code stat} and {@code schedstat}, kept open and read again from offset 0 (pread) every
 * slice: half the system calls of open-read-close, and an open file stays bound to the thread it was
 * opened for, so a TID the kernel hands to a new thread is never mistaken for the old one (its read
 * fails instead: the thread is gone). Not thread-safe: the slices thread alone uses it.
 */
final class TaskFiles implements AutoCloseable {
    private final FileChannel stat;
    private final FileChannel schedstat;

    private TaskFiles(FileChannel stat, FileChannel schedstat) {
        this.stat = stat;
        this.schedstat = schedstat;
    }

    /** Opens {@code dir/stat} and {@code dir/schedstat}; null when the thread is gone or unreadable. */
    static TaskFiles open(String dir) {
        FileChannel st = null;
        try {
            st = FileChannel.open(Path.of(dir, "stat"), StandardOpenOption.READ);
            FileChannel ss = FileChannel.open(Path.of(dir, "schedstat"), StandardOpenOption.READ);
            return new TaskFiles(st, ss);
        } catch (IOException | RuntimeException e) {
            closeQuietly(st);
            return null;
        }
    }

    /** Reads the whole stat file into {@code buf} (cleared first); false when the thread is gone. */
    boolean readStat(ByteBuffer buf) {
        return read(stat, buf);
    }

    boolean readSchedstat(ByteBuffer buf) {
        return read(schedstat, buf);
    }

    private static boolean read(FileChannel ch, ByteBuffer buf) {
        buf.clear();
        try {
            // a /proc file is generated whole on a read from offset 0; one read of a 4 KiB buffer holds stat
            int n = ch.read(buf, 0);
            return n > 0;
        } catch (IOException e) {
            return false; // ESRCH: the thread has ended
        }
    }

    @Override
    public void close() {
        closeQuietly(stat);
        closeQuietly(schedstat);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing to do: it was only read
            }
        }
    }
}
