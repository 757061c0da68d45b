package org.threadlab.text;

/**
 * An exception as a reason in the user's terms: its message, or its simple class name when it has
 * none. The one base rule; a worker's failure adds what it needs on top ({@code worker.Failures}).
 */
public final class Reasons {
    private Reasons() {}

    public static String of(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
