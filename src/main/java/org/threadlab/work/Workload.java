package org.threadlab.work;

/**
 * Plain code that does one kind of work, reports progress and honours cooperative cancellation.
 * Where it runs (thread, virtual thread, child process) is decided by the worker, not here.
 */
public interface Workload {

    /** Runs to completion and returns a one-line result, or throws InterruptedException when cancelled. */
    String run(WorkContext ctx) throws Exception;
}
