package org.threadlab.worker;

import java.time.Instant;

/**
 * Something the supervisor did or saw, timestamped: the events log of the UI and the lines that
 * {@code threadlab run} prints.
 *
 * @param workerId the worker it is about, or 0 for the supervisor itself
 */
public record Event(long seq, Instant at, Type type, int workerId, String text) {

    public enum Type {
        STARTED, FINISHED, FAILED, TERMINATING, TERMINATED, KILLED, STUBBORN, JOINED, JOIN_TIMEOUT,
        DAEMON_KILLED, REFUSED, GIL, OUTCOME, WARNING, INFO;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
