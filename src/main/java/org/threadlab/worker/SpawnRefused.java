package org.threadlab.worker;

/** A spawn the supervisor will not do (a limit, too little memory, no java for a child); the message says why. */
public final class SpawnRefused extends RuntimeException {
    public SpawnRefused(String message) {
        super(message);
    }
}
