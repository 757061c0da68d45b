package org.threadlab.worker.child;

/**
 * The child wire protocol, version 1 (see docs/PROTOCOL.md): one line per message, UTF-8, words
 * separated by single spaces, free text only in the last field. Kept free of regex, formatting and
 * lambdas because the child loads this class at start-up.
 */
public final class Protocol {
    public static final int VERSION = 1;
    /** Longer lines are rejected, not trusted: a child cannot make the parent buffer without bound. */
    public static final int MAX_LINE = 4096;

    // child -> parent
    public static final String HELLO = "hello";
    public static final String STATE = "state";
    public static final String PROGRESS = "progress";
    public static final String STATUS = "status";
    public static final String TARGET = "target";
    public static final String CPU = "cpu";
    public static final String RESULT = "result";
    public static final String ERROR = "error";
    public static final String DONE = "done";
    public static final String OUTPUT = "output";
    public static final String MEMBER = "member";
    public static final String MEMBER_TID = "member-tid";
    public static final String MEMBER_END = "member-end";
    /** A warm spare is ready: {@code spare v=1 pid=P}, its first line; it then waits for {@link #WORK}. */
    public static final String SPARE = "spare";
    // parent -> child
    public static final String STOP = "stop";
    public static final String TASK = "task";
    /** To a spare: {@code work TAG ARG...}, its tag and the arguments a cold child gets after its main class, each {@link #encodeWord encoded}. */
    public static final String WORK = "work";

    /** Exit codes of a child JVM. */
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_STOPPED = 3;
    public static final int EXIT_PARENT_GONE = 4;

    private Protocol() {}

    public static String hello(long pid, long tid, String threadName) {
        return HELLO + " v=" + VERSION + " pid=" + pid + " tid=" + tid + " name=" + threadName;
    }

    public static String spareReady(long pid) {
        return SPARE + " v=" + VERSION + " pid=" + pid;
    }

    /**
     * One argument as one word: '%', space and control characters become %XX (a workload's parameter,
     * an exec worker's command, may hold spaces). Other characters, UTF-8 ones too, pass as they are.
     */
    public static String encodeWord(String word) {
        StringBuilder sb = new StringBuilder(word.length() + 8);
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '%') {
                sb.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The argument {@link #encodeWord} made this word from; a bad escape is kept as it is. */
    public static String decodeWord(String word) {
        if (word.indexOf('%') < 0) {
            return word;
        }
        StringBuilder sb = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            int hi = c == '%' && i + 2 < word.length() ? HEX.indexOf(word.charAt(i + 1)) : -1;
            int lo = hi >= 0 ? HEX.indexOf(word.charAt(i + 2)) : -1;
            if (lo >= 0) {
                sb.append((char) (hi * 16 + lo));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final String HEX = "0123456789ABCDEF";

    /** The first word of a line (its verb). */
    public static String verb(String line) {
        int sp = line.indexOf(' ');
        return sp < 0 ? line : line.substring(0, sp);
    }

    /** Everything after the verb, or "" (free text for result/error). */
    public static String rest(String line) {
        int sp = line.indexOf(' ');
        return sp < 0 ? "" : line.substring(sp + 1);
    }

    /** The value of {@code key=} in a hello line, or null. */
    public static String field(String line, String key) {
        String[] words = line.split(" ");
        String prefix = key + "=";
        for (String w : words) {
            if (w.startsWith(prefix)) {
                return w.substring(prefix.length());
            }
        }
        return null;
    }

    /** Makes free text safe for one line: newlines and control characters become spaces. */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_LINE - 16));
        for (int i = 0; i < text.length() && sb.length() < MAX_LINE - 16; i++) {
            char c = text.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        return sb.toString();
    }
}
