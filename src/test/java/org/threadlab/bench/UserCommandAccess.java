package org.threadlab.bench;

/** Lets the end-to-end tests ask what {@link UserCommand} knows of a java's flags. */
public final class UserCommandAccess {
    private UserCommandAccess() {}

    public static boolean trimsNativeHeap(Runtime.Version v) {
        return UserCommand.trimsNativeHeap(v);
    }
}
