package org.threadlab.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * User names by UID, from a password file, cached: the file is read once, and again only when a UID
 * it did not name turns up and the file changed since (a user added while threadlab runs); the lister
 * asks only when it first sees a process, so that is one stat of the file then. A UID the
 * file does not name is shown as its number, as htop and ps do. Not thread-safe: one per lister.
 */
final class Users {
    private final Path passwd;
    private final Map<Integer, String> names = new HashMap<>();
    private long readModified = Long.MIN_VALUE;

    Users(Path passwd) {
        this.passwd = passwd;
    }

    /** The name of {@code uid}, else its number. */
    String name(int uid) {
        String n = names.get(uid);
        if (n != null) {
            return n;
        }
        if (reload()) {
            n = names.get(uid);
            if (n != null) {
                return n;
            }
        }
        // not remembered: asked only when a process is first seen, and the file is read again only if changed
        return Integer.toString(uid);
    }

    /** Reads the file again if it changed since the last read; true if it was read. */
    private boolean reload() {
        long modified;
        try {
            modified = Files.getLastModifiedTime(passwd).toMillis();
        } catch (IOException e) {
            return false;
        }
        if (modified == readModified) {
            return false;
        }
        readModified = modified;
        Map<Integer, String> read = new HashMap<>();
        try {
            for (String line : Files.readAllLines(passwd, StandardCharsets.UTF_8)) {
                // name:password:uid:gid:gecos:home:shell
                String[] f = line.split(":", 4);
                if (f.length >= 3 && !f[0].isEmpty()) {
                    try {
                        read.putIfAbsent(Integer.parseInt(f[2]), f[0]);
                    } catch (NumberFormatException e) {
                        // a malformed line names nobody
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        names.clear();
        names.putAll(read);
        return true;
    }
}
