package org.threadlab.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The programs the bench measures threadlab against (htop, top, python3, tmux), found on the PATH as
 * a shell would find them. The bench installs nothing: a missing one is named, and its ratio skipped.
 */
public final class References {
    private final String path;

    /** @param path a PATH-style list of directories (":"-separated) */
    public References(String path) {
        this.path = path == null ? "" : path;
    }

    /** The PATH this process was started with. */
    public static References fromEnvironment() {
        return new References(System.getenv("PATH"));
    }

    /** The executable called {@code name}, from the first PATH directory that has one. */
    public Optional<Path> find(String name) {
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The one-line reason a ratio is skipped when {@code name} is missing: "htop not found on PATH". */
    public static String missing(String name) {
        return name + " not found on PATH";
    }
}
