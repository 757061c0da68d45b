package org.threadlab.work;

import java.io.IOException;

/**
 * One child process of a process pool, as {@link PoolMap} sees it: send it a task line, read its
 * answer. Started by a {@link Launcher} so the workload does not know how child JVMs are made.
 */
public interface PoolMember extends AutoCloseable {

    long pid();

    /** Sends one line (a task, or "stop"). */
    void send(String line) throws IOException;

    /** The next protocol line from the member, or null when it has exited. */
    String readLine() throws IOException;

    /** Stops the member (closing its stdin makes it exit) and waits briefly for it. */
    @Override
    void close();

    /** Starts pool members as child JVMs. */
    interface Launcher {
        PoolMember start(String name, TypedSpec memberTask) throws IOException;
    }
}
