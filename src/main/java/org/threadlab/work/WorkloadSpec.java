package org.threadlab.work;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A workload type and its parameters as text (e.g. {@code cpu units=2 _unit=123456}), as typed and
 * not yet checked: the same form on the command line, in the UI, in a recording and on a child
 * process's command line. {@link Workloads#parse} turns it into a checked {@link TypedSpec};
 * {@link #parse(String)} reads back what {@link #describe()} writes.
 */
public record WorkloadSpec(String type, Map<String, String> params) {

    public WorkloadSpec {
        params = Collections.unmodifiableMap(new TreeMap<>(params));
    }

    public static WorkloadSpec of(String type) {
        return new WorkloadSpec(type, Map.of());
    }

    public WorkloadSpec with(String key, String value) {
        Map<String, String> p = new TreeMap<>(params);
        p.put(key, value);
        return new WorkloadSpec(type, p);
    }

    /**
     * "cpu units=2" style, for tables, events and recordings (internal keys left out). A value that
     * would not read back as written (a word with '=', a quote, doubled spaces) is put in quotes.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder(type);
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!e.getKey().startsWith("_")) {
                sb.append(' ').append(e.getKey()).append('=').append(quoted(e.getValue()));
            }
        }
        return sb.toString();
    }

    /**
     * Reads {@code TYPE key=value ...}: a word without '=' continues the value before it
     * ({@code cmd=python3 demos/busy_threads.py 30}), and a value may be quoted with ' or ", with \
     * escaping a quote or a backslash inside. Throws IllegalArgumentException, in a user's words.
     */
    public static WorkloadSpec parse(String line) {
        java.util.List<String> words = words(line);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("no workload given");
        }
        return of(unquote(words.get(0))).withParams(words.subList(1, words.size()));
    }

    /** This type with parameters read from words as {@link #parse(String)} reads them (the dialog's line). */
    public static WorkloadSpec parseParams(String type, String line) {
        return of(type).withParams(words(line));
    }

    private WorkloadSpec withParams(java.util.List<String> words) {
        Map<String, String> p = new TreeMap<>(params);
        String key = null;
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq > 0 && w.charAt(0) != QUOTED) {
                key = w.substring(0, eq);
                // as run refuses a repeated option: "units=1 units=2" is a slip, not a choice of the last
                if (p.put(key, unquote(w.substring(eq + 1))) != null) {
                    throw new IllegalArgumentException(key + " is given twice");
                }
            } else if (key != null) {
                p.put(key, p.get(key) + " " + unquote(w));
            } else {
                throw new IllegalArgumentException("write parameters as name=value, not '" + unquote(w) + "'");
            }
        }
        return new WorkloadSpec(type, p);
    }

    /** Marks a word that came from quotes, so a quoted "a=b" stays a value. */
    private static final char QUOTED = '\u0000';

    /** Splits on spaces outside quotes; a word made of a quoted part is marked with {@link #QUOTED}. */
    private static java.util.List<String> words(String line) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        boolean quotedWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == quote || line.charAt(i + 1) == '\\')) {
                    w.append(line.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
                quotedWord |= w.length() == 0;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(quotedWord ? QUOTED + w.toString() : w.toString());
                    w.setLength(0);
                    inWord = false;
                    quotedWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a quote (" + quote + ") is not closed");
        }
        if (inWord) {
            out.add(quotedWord ? QUOTED + w.toString() : w.toString());
        }
        return out;
    }

    private static String unquote(String w) {
        return !w.isEmpty() && w.charAt(0) == QUOTED ? w.substring(1) : w;
    }

    /** The value as {@link #parse(String)} reads it back: plain when it can be, else in single quotes. */
    public static String quoted(String v) {
        boolean plain = !v.isEmpty() && !v.startsWith(" ") && !v.endsWith(" ") && !v.contains("  ")
                && v.indexOf('\'') < 0 && v.indexOf('"') < 0 && v.indexOf('\\') < 0;
        if (plain) {
            String[] parts = v.split(" ");
            for (int i = 0; i < parts.length && plain; i++) {
                for (int j = 0; j < parts[i].length(); j++) {
                    char c = parts[i].charAt(j);
                    if (Character.isWhitespace(c) || (i > 0 && c == '=')) {
                        plain = false;
                        break;
                    }
                }
            }
        }
        return plain ? v : "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
