package org.threadlab.record;

/** A recording that cannot be read, with the one line that says where and why ({@code FILE:LINE: what}). */
public final class BadRecording extends Exception {
    public BadRecording(String message) {
        super(message);
    }
}
