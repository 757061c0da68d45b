package org.threadlab.sample;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;

/**
 * Reads small /proc files into one reused buffer: open, read, close and nothing else, so reading a
 * thousand {@code stat} files costs little more than the kernel's work. Not thread-safe: one per sampler.
 * Tests override {@link #read}, {@link #entries} and {@link #isDirectory} to serve a made-up /proc.
 */
class ProcFiles {
    private byte[] buf = new byte[4096];
    private int len;

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
        int at = indexOf(key, 0);
        if (at < 0) {
            return -1;
        }
        int i = at + key.length();
        while (i < len && (buf[i] == ' ' || buf[i] == '\t')) {
            i++;
        }
        return digitsAt(i);
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

    /** Where {@code key} starts a line, or -1. */
    private int indexOf(String key, int from) {
        outer:
        for (int i = from; i <= len - key.length(); i++) {
            if (i > 0 && buf[i - 1] != '\n') {
                continue;
            }
            for (int k = 0; k < key.length(); k++) {
                if (buf[i + k] != key.charAt(k)) {
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
