package org.threadlab.sample;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads small /proc files into one reused buffer: open, read, close and nothing else, or, cheaper,
 * through a file kept open ({@link #keep}) and read again from its start: the kernel generates a /proc
 * file afresh on every read from offset 0, and an open per-task file stays bound to the task it was
 * opened for (its read fails once that task is gone, even if its TID or PID is handed to a new one).
 * The one mechanism for kept files: the sampler's, the slice sampler's and the kernel tick's.
 * (A RandomAccessFile's seek and read, two system calls, cost less CPU after a pause than a
 * FileChannel's one pread, whose Java side is longer: 6.1 against 7.2 us per stat + schedstat after
 * 200 ms, 7.9-8.4 against 8.5-8.8 us at a slice's 10 ms; back to back the pread wins, 4.2 against 4.7.)
 * Not thread-safe, except {@link #closeAll}: one per sampler. Tests override {@link #read},
 * {@link #entries}, {@link #isDirectory}, {@link #keep} and {@link #read(Kept)} to serve a made-up /proc.
 */
class ProcFiles {
    /**
     * At most this many files kept open per sampler (fewer when the process's descriptor limit is low):
     * each pins a page of kernel memory (its seq_file buffer) and a descriptor; past it, files are opened
     * and closed on every read as before.
     */
    static final int KEEP_AT_MOST = 2048;

    private byte[] buf = new byte[4096];
    private int len;
    private final Set<Kept> kept = ConcurrentHashMap.newKeySet();
    private final int keepLimit;
    private volatile boolean closed;

    /** A file kept open to be read again from its start (tests subclass it for made-up files: no file). */
    static class Kept {
        final String path;
        final RandomAccessFile file;

        Kept(String path, RandomAccessFile file) {
            this.path = path;
            this.file = file;
        }
    }

    ProcFiles() {
        this(Limit.KEEP);
    }

    /** Worked out once, when a sampler first keeps a file open. */
    private static final class Limit {
        static final int KEEP = keepLimit();
    }

    ProcFiles(int keepLimit) {
        this.keepLimit = keepLimit;
    }

    private static int keepLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean u) {
            return (int) Math.min(KEEP_AT_MOST, u.getMaxFileDescriptorCount() / 4);
        }
        return 0;
    }

    /**
     * Opens {@code path} to be read with {@link #read(Kept)}; null when it cannot be opened (gone) or
     * the limit of kept files is reached (then read it by path).
     */
    Kept keep(String path) {
        if (closed || kept.size() >= keepLimit) {
            return null;
        }
        try {
            Kept k = new Kept(path, new RandomAccessFile(path, "r"));
            kept.add(k);
            if (closed) {
                release(k); // closeAll ran meanwhile
                return null;
            }
            return k;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /**
     * Reads the kept file whole, from its start (a /proc file is generated anew); false when what it was
     * opened for is gone (ESRCH), or the file was closed.
     */
    boolean read(Kept k) {
        try {
            RandomAccessFile f = k.file;
            f.seek(0);
            len = 0;
            int n;
            // a /proc (seq_file) read returns all it has up to the room given: a short read is the end
            while ((n = f.read(buf, len, buf.length - len)) > 0) {
                len += n;
                if (len < buf.length) {
                    break;
                }
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            return len > 0;
        } catch (IOException e) {
            len = 0;
            return false;
        }
    }

    /** Closes a kept file (null: nothing). */
    void release(Kept k) {
        if (k != null && kept.remove(k)) {
            try {
                if (k.file != null) {
                    k.file.close();
                }
            } catch (IOException e) {
                // it was only read
            }
        }
    }

    /** How many files are kept open now. */
    int keptCount() {
        return kept.size();
    }

    /** Closes every kept file, from any thread; from then on every file is read by path. */
    void closeAll() {
        closed = true;
        for (Kept k : kept) {
            release(k);
        }
    }

    /** Reads the whole file; false when it does not exist or cannot be read (a task that just ended). */
    boolean read(String path) {
        try (FileInputStream in = new FileInputStream(path)) {
            len = 0;
            int n;
            while ((n = in.read(buf, len, buf.length - len)) > 0) {
                len += n;
                if (len == buf.length) {
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                }
            }
            return true;
        } catch (IOException | SecurityException e) {
            len = 0;
            return false;
        }
    }

    /** Makes {@code content} the file just read (for a made-up /proc in tests). */
    final void load(byte[] content) {
        if (content.length > buf.length) {
            buf = java.util.Arrays.copyOf(content, content.length * 2);
        }
        System.arraycopy(content, 0, buf, 0, content.length);
        len = content.length;
    }

    /** The entries of a directory (a process's task ids); empty when it is gone. */
    String[] entries(String dir) {
        return list(dir);
    }

    boolean isDirectory(String dir) {
        return new File(dir).isDirectory();
    }

    byte[] buffer() {
        return buf;
    }

    int length() {
        return len;
    }

    String text() {
        return new String(buf, 0, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The number after {@code key} (e.g. "VmRSS:") in a status/meminfo-style file, or -1. */
    long field(String key) {
        return numberAfter(indexOf(key, 0), key);
    }

    /**
     * {@link #field} for a key near the end of the file, looked for from its end: a thread's switch counts
     * are the last lines but one or two of its {@code status} (1.4 KB), which a search from the start read
     * byte by byte, twice per file: a third of the Java work of a small tick. The same figure where the
     * key starts one line only, as in status.
     */
    long lastField(String key) {
        return numberAfter(lastIndexOf(key), key);
    }

    /** The number after {@code key} found at {@code at} (blanks skipped), or -1 where it was not found. */
    private long numberAfter(int at, String key) {
        if (at < 0) {
            return -1;
        }
        int i = at + key.length();
        while (i < len && (buf[i] == ' ' || buf[i] == '\t')) {
            i++;
        }
        return digitsAt(i);
    }

    /** Where {@code key} starts the last line it starts, or -1. */
    private int lastIndexOf(String key) {
        int n = key.length();
        byte first = (byte) key.charAt(0);
        outer:
        for (int i = len - n; i >= 0; i--) {
            if (buf[i] != first || (i > 0 && buf[i - 1] != '\n')) {
                continue;
            }
            for (int k = 1; k < n; k++) {
                if (buf[i + k] != key.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The {@code index}-th (from 0) space-separated number of the file, or -1 (statm, schedstat). */
    long number(int index) {
        int i = 0;
        for (int k = 0; k < index; k++) {
            while (i < len && buf[i] != ' ') {
                i++;
            }
            i++;
        }
        return digitsAt(i);
    }

    /** The unsigned decimal number that starts at {@code i}, or -1 when none does. */
    private long digitsAt(int i) {
        long v = 0;
        boolean any = false;
        while (i < len && buf[i] >= '0' && buf[i] <= '9') {
            v = v * 10 + (buf[i++] - '0');
            any = true;
        }
        return any ? v : -1;
    }

    /** Where {@code key} starts a line, or -1: line by line, the rest of a line skipped once its start differs. */
    private int indexOf(String key, int from) {
        int n = key.length();
        int i = from;
        while (i > 0 && i < len && buf[i - 1] != '\n') {
            i++; // to the start of a line
        }
        outer:
        while (i <= len - n) {
            for (int k = 0; k < n; k++) {
                if (buf[i + k] != key.charAt(k)) {
                    while (i < len && buf[i] != '\n') {
                        i++;
                    }
                    i++;
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The entries of a /proc directory (e.g. a process's task ids); empty when it is gone. */
    static String[] list(String dir) {
        String[] names = new File(dir).list();
        return names == null ? new String[0] : names;
    }
}
