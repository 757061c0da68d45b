package org.threadlab.worker;

import java.time.Duration;

/** What a join found: the worker as it was when the wait ended, and how long the wait took. */
public record JoinResult(WorkerInfo worker, Duration waited, boolean timedOut) {}
