package org.threadlab.work;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The demo programs (demos/*.py) travel inside threadlab's jar, so {@code cmd=python3
 * demos/busy_threads.py 30} works from any directory: a word {@code demos/NAME} of an exec command
 * that names no file where threadlab runs, but names a shipped demo, is replaced by the demo
 * extracted to threadlab's cache folder ({@code $XDG_CACHE_HOME/threadlab/demos}, or
 * {@code ~/.cache/threadlab/demos}; a fresh temporary folder when that cannot be written).
 */
public final class Demos {
    /** The programs shipped in the jar, under /demos/. */
    public static final List<String> NAMES = List.of("busy_threads.py", "busy_processes.py", "sleepy_threads.py");
    private static final String PREFIX = "demos/";

    private Demos() {}

    /** The command with every shipped demo that is missing from {@code cwd} replaced by its extracted copy. */
    public static List<String> resolve(List<String> command, Path cwd) throws IOException {
        List<String> out = new ArrayList<>(command.size());
        for (String word : command) {
            out.add(shipped(word, cwd) ? extract(word.substring(PREFIX.length())).toString() : word);
        }
        return out;
    }

    /** True when {@code word} names a shipped demo and no such file exists in {@code cwd} (a repository checkout wins). */
    static boolean shipped(String word, Path cwd) {
        String w = word.startsWith("./") ? word.substring(2) : word;
        if (!w.startsWith(PREFIX) || !NAMES.contains(w.substring(PREFIX.length()))) {
            return false;
        }
        return !Files.exists(cwd.resolve(w));
    }

    /** Writes the demo to the cache folder, unless an identical copy is there already; returns its path. */
    public static Path extract(String name) throws IOException {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no demo " + name);
        }
        byte[] bytes;
        try (InputStream in = Demos.class.getResourceAsStream("/demos/" + name)) {
            if (in == null) {
                throw new IOException("demo " + name + " is not in threadlab's jar");
            }
            bytes = in.readAllBytes();
        }
        IOException last = null;
        List<Path> dirs = folders();
        for (int i = 0; i <= dirs.size(); i++) {
            Path dir = i < dirs.size() ? dirs.get(i) : privateTemp();
            try {
                Files.createDirectories(dir);
                Path file = dir.resolve(name);
                if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
                    // write aside, then move: a second worker starting at the same moment never reads half a file
                    Path tmp = Files.createTempFile(dir, name, ".tmp");
                    Files.write(tmp, bytes);
                    try {
                        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                // runnable by itself too (#!/usr/bin/env python3), like the file in the repository
                file.toFile().setExecutable(true, false);
                return file;
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IOException("cannot extract demo " + name + ": " + (last == null ? "no folder" : last.getMessage()));
    }

    /** A fresh folder of this JVM's own, when the cache folder cannot be written; made once. */
    private static Path privateTemp;

    private static synchronized Path privateTemp() throws IOException {
        if (privateTemp == null) {
            privateTemp = Files.createTempDirectory("threadlab-demos-");
            privateTemp.toFile().deleteOnExit();
        }
        return privateTemp;
    }

    private static List<Path> folders() {
        List<Path> dirs = new ArrayList<>();
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        if (xdg != null && !xdg.isBlank()) {
            dirs.add(Path.of(xdg, "threadlab", "demos"));
        } else if (home != null) {
            dirs.add(Path.of(home, ".cache", "threadlab", "demos"));
        }
        return dirs;
    }
}
