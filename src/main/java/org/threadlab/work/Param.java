package org.threadlab.work;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.threadlab.text.Durations;
import org.threadlab.text.Sizes;

/**
 * One typed parameter of a workload: its name, type, default (written here once, as text), unit,
 * range and one line of help. It parses the text a user typed into a checked value and writes a value
 * back as the same text, so a spec survives a trip through a command line, a dialog or a recording.
 *
 * <p>Written without lambdas on purpose: a child JVM parses its spec with these, and its start-up is
 * measured in milliseconds.
 *
 * @param name     the key in {@code key=value}
 * @param kind     how the text is read and checked
 * @param fallback the default as text; null when the workload computes one (pool's workers) or the parameter is required
 * @param shown    the default as help shows it ("cores", "until stopped")
 * @param min      the lower bound, in the kind's unit (nanoseconds, bytes, a count)
 * @param max      the upper bound, likewise
 * @param choices  the allowed words of a choice
 * @param help     one line for help texts, the dialog and the README
 * @param option   the option of {@code threadlab run} that sets it
 */
public record Param<T>(String name, Kind kind, String fallback, String shown, long min, long max, List<String> choices,
                       String help, String option) {

    /** How a parameter's text is read. */
    public enum Kind { DURATION, COUNT, UNITS, SIZE, FLAG, CHOICE, NAME, COMMAND, LONG, PATH }

    private static final long MAX_DURATION = Duration.ofHours(24).toNanos();

    /** A positive duration, at most a day. */
    public static Param<Duration> duration(String name, String fallback, String help) {
        return new Param<>(name, Kind.DURATION, fallback, fallback, 1, MAX_DURATION, List.of(), help, "--" + name);
    }

    /** A pause between steps: zero allowed, at most a minute. */
    public static Param<Duration> pause(String name, String fallback, String help) {
        return new Param<>(name, Kind.DURATION, fallback, fallback, 0, Duration.ofMinutes(1).toNanos(), List.of(), help, "--" + name);
    }

    /** A whole number from 1 to {@code max}. */
    public static Param<Integer> count(String name, String fallback, long max, String help) {
        return new Param<>(name, Kind.COUNT, fallback, fallback, 1, max, List.of(), help, "--" + name);
    }

    /** A positive decimal number of at most {@code max}. */
    public static Param<Double> units(String name, String fallback, long max, String help) {
        return new Param<>(name, Kind.UNITS, fallback, fallback, 0, max, List.of(), help, "--" + name);
    }

    /** A positive size (64MiB). */
    public static Param<Long> size(String name, String fallback, String help) {
        return new Param<>(name, Kind.SIZE, fallback, fallback, 1, Long.MAX_VALUE, List.of(), help, "--" + name);
    }

    /** true or false; on the command line a flag with no value. */
    public static Param<Boolean> flag(String name, String help) {
        return new Param<>(name, Kind.FLAG, "false", "false", 0, 1, List.of(), help, "--" + name);
    }

    /** One of a few words; the first is the default. */
    public static Param<String> choice(String name, String help, String... choices) {
        return new Param<>(name, Kind.CHOICE, choices[0], choices[0], 0, 0, List.of(choices), help, "--" + name);
    }

    /** A short name: letters, digits, '-' or '_'. */
    public static Param<String> name(String name, String fallback, String help) {
        return new Param<>(name, Kind.NAME, fallback, fallback, 1, 32, List.of(), help, "--" + name);
    }

    /** A program and its arguments, split on spaces; required. */
    public static Param<List<String>> command(String name, String help) {
        return new Param<>(name, Kind.COMMAND, null, null, 0, 0, List.of(), help, "--" + name);
    }

    /** Set by threadlab, never by a user (a calibrated unit): its name starts with '_'. */
    public static Param<Long> internalLong(String name) {
        return new Param<>(name, Kind.LONG, null, null, 1, Long.MAX_VALUE, List.of(), "", null);
    }

    /** Set by threadlab, never by a user (a shared-memory file). */
    public static Param<String> internalPath(String name) {
        return new Param<>(name, Kind.PATH, null, null, 0, 0, List.of(), "", null);
    }

    /** The same parameter set by another option of {@code run} (the pool's workers are --pool-size). */
    public Param<T> option(String otherOption) {
        return new Param<>(name, kind, fallback, shown, min, max, choices, help, otherOption);
    }

    /** The same parameter with the default help shows when it is computed ("cores") or absent ("until stopped"). */
    public Param<T> shown(String text) {
        return new Param<>(name, kind, fallback, text, min, max, choices, help, option);
    }

    /** The same parameter with a lower upper bound, for a command that repeats the work (compare's --units, --duration). */
    public Param<T> atMost(long lowerMax) {
        return new Param<>(name, kind, fallback, shown, min, Math.min(max, lowerMax), choices, help, option);
    }

    /** The same parameter without a default: absent unless given (memory's hold). */
    public Param<T> optional(String text) {
        return new Param<>(name, kind, null, text, min, max, choices, help, option);
    }

    /** Set by threadlab, not by users: not offered in help, options or the dialog. */
    public boolean internal() {
        return name.startsWith("_");
    }

    /** Help's words for the values: a unit, the choices or the range. */
    public String range() {
        return switch (kind) {
            case DURATION -> (min == 0 ? "0s" : ">0") + " to " + Durations.format(Duration.ofNanos(max));
            case COUNT -> min + " to " + max;
            case UNITS -> ">0 to " + max;
            case SIZE -> "a size, e.g. 64MiB";
            case FLAG -> "true or false";
            case CHOICE -> String.join("|", choices);
            case NAME -> "1 to " + max + " letters, digits, - or _";
            case COMMAND -> "program and arguments";
            case LONG, PATH -> "";
        };
    }

    /** "thread|process, default thread": the values and the default, as help, the dialog and the README say them. */
    public String about() {
        String range = range();
        String def = shown == null ? "required" : "default " + shown;
        return range.isEmpty() ? def : def.isEmpty() ? range : range + ", " + def;
    }

    /** The value's unit as a word for help ("DURATION", "N"), also the option's label. */
    public String label() {
        return switch (kind) {
            case DURATION -> "DURATION";
            case COUNT -> "N";
            case UNITS -> "UNITS";
            case SIZE -> "SIZE";
            case FLAG -> "";
            case CHOICE -> name.toUpperCase(Locale.ROOT);
            case NAME -> "NAME";
            case COMMAND -> "COMMAND";
            case LONG -> "N";
            case PATH -> "FILE";
        };
    }

    /** Reads and checks a value; the message names the parameter and says what is wrong in a user's terms. */
    @SuppressWarnings("unchecked")
    public T parse(String text) {
        // if/else rather than a switch on the enum: a switch adds a synthetic class to a child's start-up
        Object v;
        if (kind == Kind.DURATION) {
            v = parseDuration(text);
        } else if (kind == Kind.COUNT) {
            v = parseCount(text);
        } else if (kind == Kind.UNITS) {
            v = parseUnits(text);
        } else if (kind == Kind.SIZE) {
            v = parseSize(text);
        } else if (kind == Kind.FLAG) {
            v = parseFlag(text);
        } else if (kind == Kind.CHOICE) {
            v = parseChoice(text);
        } else if (kind == Kind.NAME) {
            v = parseName(text);
        } else if (kind == Kind.COMMAND) {
            v = ExecWork.parse(text);
        } else if (kind == Kind.LONG) {
            v = parseLong(text);
        } else {
            v = text;
        }
        return (T) v;
    }

    /**
     * The value as text, in the form {@link #parse} reads back to the same value: a child process
     * runs what this writes, so the short forms (1.5s, 64MiB) only when they are exact ("2s" for
     * 1.999s would sleep 1 ms longer in a process than in a thread).
     */
    public String format(Object value) {
        if (kind == Kind.DURATION) {
            return Durations.exact((Duration) value);
        } else if (kind == Kind.SIZE) {
            String shortForm = Sizes.format((Long) value);
            return Sizes.parse(shortForm) == (Long) value ? shortForm : value + "B";
        } else if (kind == Kind.COMMAND) {
            return String.join(" ", castList(value));
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    private Duration parseDuration(String text) {
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
        if (min == 0) {
            if (d.isNegative() || d.toNanos() > max) {
                throw new IllegalArgumentException(name + " must be between 0s and " + Durations.format(Duration.ofNanos(max)) + ", not " + text);
            }
            return d;
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + text);
        }
        if (d.compareTo(Duration.ofNanos(max)) > 0) {
            throw new IllegalArgumentException(name + " " + text + " is too long (at most " + Durations.format(Duration.ofNanos(max)) + ")");
        }
        return d;
    }

    private Integer parseCount(String text) {
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + text + "'");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + (v < min ? " must be at least " + min : " must be at most " + max) + ", not " + text);
        }
        return (int) v;
    }

    private Double parseUnits(String text) {
        double v;
        try {
            // Java's float syntax is more than a number a user writes: 1d, 2f and 0x1p3 are refused
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!(c >= '0' && c <= '9') && c != '.' && c != 'e' && c != 'E' && c != '-' && c != '+' && c != ' ') {
                    throw new NumberFormatException(text);
                }
            }
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + text + "'");
        }
        if (!(v > 0) || v > max) {
            throw new IllegalArgumentException(name + " must be more than 0 and at most " + max + ", not " + text);
        }
        return v;
    }

    private Long parseSize(String text) {
        long v;
        try {
            v = Sizes.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be positive, not " + text);
        }
        return v;
    }

    private Boolean parseFlag(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1":
                return Boolean.TRUE;
            case "false", "no", "off", "0":
                return Boolean.FALSE;
            default:
                throw new IllegalArgumentException(name + " must be true or false, not '" + text + "'");
        }
    }

    private String parseChoice(String text) {
        for (String c : choices) {
            if (c.equalsIgnoreCase(text)) {
                return c;
            }
        }
        throw new IllegalArgumentException(name + " must be one of " + String.join(", ", choices) + ", not '" + text + "'");
    }

    private String parseName(String text) {
        // a loop, not a regex: a child JVM reads its spec with this, and java.util.regex costs it milliseconds
        boolean ok = !text.isEmpty() && text.length() <= max;
        for (int i = 0; ok && i < text.length(); i++) {
            char c = text.charAt(i);
            ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        }
        if (!ok) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " letters, digits, '-' or '_', not '" + text + "'");
        }
        return text;
    }

    private Long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + text + "'");
        }
    }
}
