package org.threadlab.text;

/**
 * English counts of things, written one way everywhere: "1 thread", "3 virtual threads",
 * "2 processes". The only pluraliser: the screen, the CLI and the lessons all say it alike.
 */
public final class Words {
    private Words() {}

    /** The plural of a noun threadlab counts: the last word takes -es after s, x, sh or ch, else -s. */
    public static String plural(String noun) {
        if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("sh") || noun.endsWith("ch")) {
            return noun + "es";
        }
        return noun + "s";
    }

    /** The noun, in the plural unless there is exactly one. */
    public static String noun(long n, String singular) {
        return n == 1 ? singular : plural(singular);
    }

    /** A count and its noun: {@code count(3, "virtual thread")} is "3 virtual threads". */
    public static String count(long n, String singular) {
        return n + " " + noun(n, singular);
    }
}
