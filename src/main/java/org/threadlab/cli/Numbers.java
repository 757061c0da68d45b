package org.threadlab.cli;

import java.math.BigInteger;
import picocli.CommandLine.TypeConversionException;

/** Numbers on the command line, refused in the user's terms ("not a whole number", "too large"), not Java's types. */
public final class Numbers {
    private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("[+-]?\\d+");

    private Numbers() {}

    public static Integer wholeInt(String value) {
        return (int) whole(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public static Long wholeLong(String value) {
        return whole(value, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public static Double decimal(String value) {
        try {
            return Double.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number");
        }
    }

    private static long whole(String value, long min, long max) {
        String v = value.trim();
        if (!WHOLE.matcher(v).matches()) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
        BigInteger n = new BigInteger(v);
        if (n.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new TypeConversionException("'" + value + "' is too large");
        }
        if (n.compareTo(BigInteger.valueOf(min)) < 0) {
            throw new TypeConversionException("'" + value + "' is too small");
        }
        return n.longValue();
    }
}
