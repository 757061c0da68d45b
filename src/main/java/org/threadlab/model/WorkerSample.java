package org.threadlab.model;

import org.threadlab.sample.History;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerState;

/**
 * A worker with its live numbers joined in by PID/TID.
 *
 * @param cpuPercent  of its work thread (a process: the whole process); 100 = one core
 * @param core        the core its work runs on (a process: its busiest thread's); -1 when unknown
 * @param memoryBytes a process's RSS; a thread's allocated bytes; -1 when unknown
 * @param threadState the kernel's state letter of its work thread, or null
 * @param cpuHistory  cpuPercent of the last samples, oldest first
 * @param state       what it did over the interval, as measured: RUNNING when it ran (CPU or the
 *                    kernel's R), BLOCKED when it did not but waited for the GIL, WAITING when neither;
 *                    NEW and the ended states as the supervisor says; what the workload last reported
 *                    only where nothing was measured (a virtual thread, a first sample)
 * @param gilHeld     the fraction of the interval its work thread held the simulated GIL (0..1); NaN
 *                    when not known (the GIL is off, a process, a first sample)
 * @param gilWaited   the fraction of the interval its work thread waited for the GIL; NaN likewise
 */
public record WorkerSample(WorkerInfo info, double cpuPercent, int core, long memoryBytes, String threadState,
                           History cpuHistory, WorkerState state, double gilHeld, double gilWaited) {

    /** As the supervisor reported it, with no GIL figures. */
    public WorkerSample(WorkerInfo info, double cpuPercent, int core, long memoryBytes, String threadState,
                        History cpuHistory) {
        this(info, cpuPercent, core, memoryBytes, threadState, cpuHistory, info.state(), Double.NaN, Double.NaN);
    }
}
