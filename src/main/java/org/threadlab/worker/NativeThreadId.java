package org.threadlab.worker;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;

/**
 * The native (kernel) id of the calling thread. On Linux {@code /proc/thread-self} is the calling
 * thread's own directory under {@code /proc/PID/task/TID}: no native library, so child JVMs can use it
 * at start-up without loading OSHI/JNA ({@link #fromProc}, the link resolved), and a thread worker reads
 * the TID from its {@code stat} ({@link #current}). Elsewhere the parent asks OSHI (its {@code getThreadId()}).
 */
public final class NativeThreadId {
    private NativeThreadId() {}

    /** Linux only; -1 elsewhere or when /proc is not mounted. */
    public static long fromProc() {
        try {
            String path = new File("/proc/thread-self").getCanonicalPath();
            int slash = path.lastIndexOf('/');
            if (slash < 0 || !path.contains("/task/")) {
                return -1;
            }
            return Long.parseLong(path.substring(slash + 1));
        } catch (IOException | NumberFormatException | SecurityException e) {
            return -1;
        }
    }

    /**
     * Linux only, -1 elsewhere: the first field of {@code /proc/thread-self/stat}, the calling thread's
     * TID, read a byte at a time. This is what a thread worker runs before its work starts, and what it
     * touches of its stack stays resident while it sleeps: a readlink (NIO's {@code Files.readSymbolicLink})
     * writes the link into a {@code PATH_MAX} array on the native stack, a page below anything a sleeping
     * thread touches (4 KiB of RSS a worker), and NIO keeps a 2 KiB native path buffer per thread in a
     * thread-local cache; {@code FileInputStream.read(byte[])} would use an 8 KiB stack buffer. The open
     * copies the path into malloc'd memory it frees, and {@code read()} reads into one byte on the stack.
     * A TID is at most 7 digits (pid_max is at most 2^22): at most 8 reads, all from the text the kernel
     * made at the first. See docs/PERFORMANCE.md, "Many workers".
     */
    static long fromStat() {
        try (FileInputStream in = new FileInputStream(THREAD_SELF_STAT)) {
            long tid = 0;
            for (int i = 0; i < 9; i++) {
                int b = in.read();
                if (b == ' ') {
                    return i > 0 ? tid : -1;
                }
                if (b < '0' || b > '9') {
                    return -1;
                }
                tid = tid * 10 + (b - '0');
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static final String THREAD_SELF_STAT = "/proc/thread-self/stat";

    /** Linux through /proc, other systems through OSHI; -1 when neither can tell. */
    public static long current() {
        long tid = fromStat();
        if (tid > 0) {
            return tid;
        }
        try {
            return OshiHolder.OS.getThreadId();
        } catch (Throwable e) {
            return -1;
        }
    }

    /** Loaded only when needed: creating OSHI's SystemInfo loads JNA. */
    private static final class OshiHolder {
        static final oshi.software.os.OperatingSystem OS = new oshi.SystemInfo().getOperatingSystem();
    }
}
