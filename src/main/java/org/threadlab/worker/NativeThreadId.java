package org.threadlab.worker;

import java.io.File;
import java.io.IOException;

/**
 * The native (kernel) id of the calling thread. On Linux {@code /proc/thread-self} links to
 * {@code /proc/PID/task/TID}: one readlink, no native library, so child JVMs can use it at start-up
 * without loading OSHI/JNA. Elsewhere the parent asks OSHI (its {@code getThreadId()}).
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
     * Linux only, -1 elsewhere: the link's own text ("PID/task/TID"), one readlink, where {@link #fromProc}
     * resolves the whole path (a stat of each part as well): 10 against 35 µs on a new thread, which is
     * most of what a thread worker does before its work starts. Not for a child's start-up, which would
     * load the NIO file classes for it.
     */
    static long fromLink() {
        try {
            String link = java.nio.file.Files.readSymbolicLink(THREAD_SELF).toString();
            int slash = link.lastIndexOf('/');
            if (slash < 0 || !link.contains("/task/")) {
                return -1;
            }
            return Long.parseLong(link.substring(slash + 1));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static final java.nio.file.Path THREAD_SELF = java.nio.file.Path.of("/proc/thread-self");

    /** Linux through /proc, other systems through OSHI; -1 when neither can tell. */
    public static long current() {
        long tid = fromLink();
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
