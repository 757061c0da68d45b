package org.threadlab.record;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The recording format's version and its compatibility rule, in one place. A minor version adds
 * fields that an older reader may ignore; a major version changes what existing fields mean.
 */
public final class Format {
    /** The "format" value of every header: tells a recording from any other JSON Lines file. */
    public static final String NAME = "threadlab-recording";
    public static final int MAJOR = 1;
    public static final int MINOR = 2;
    public static final String VERSION = MAJOR + "." + MINOR;

    private Format() {}

    /**
     * Null when a recording of {@code version} can be read; else why not, in one sentence. Any 1.x is
     * read (a newer minor only adds fields, which are skipped); another major is refused.
     */
    public static String refusal(String version) {
        int major;
        try {
            major = Integer.parseInt(version.substring(0, version.indexOf('.') < 0 ? version.length() : version.indexOf('.')));
        } catch (RuntimeException e) {
            return "format version '" + version + "' is not MAJOR.MINOR";
        }
        if (major > MAJOR) {
            return "format version " + version + " is newer than this threadlab reads (" + MAJOR + ".x): replay it with a newer threadlab";
        }
        if (major < MAJOR) {
            return "format version " + version + " is older than this threadlab reads (" + MAJOR + ".x): replay it with the threadlab that wrote it";
        }
        return null;
    }

    /** The version Maven wrote into the jar's resources, as {@code --version} shows it; "unknown" when run from classes without it. */
    public static String threadlabVersion() {
        Properties p = new Properties();
        try (InputStream in = Format.class.getResourceAsStream("/threadlab-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // "unknown" below
        }
        String v = p.getProperty("version", "unknown");
        return v.startsWith("${") ? "unknown" : v;
    }
}
