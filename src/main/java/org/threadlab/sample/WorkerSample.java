package org.threadlab.sample;

import org.threadlab.worker.WorkerInfo;

/**
 * A worker with its live numbers joined in by PID/TID.
 *
 * @param cpuPercent  of its work thread (a process: the whole process); 100 = one core
 * @param core        the core its work thread last ran on; -1 when unknown
 * @param memoryBytes a process's RSS; a thread's allocated bytes; -1 when unknown
 * @param threadState the kernel's state letter of its work thread, or null
 * @param cpuHistory  cpuPercent of the last samples, oldest first
 */
public record WorkerSample(WorkerInfo info, double cpuPercent, int core, long memoryBytes, String threadState,
                           History cpuHistory) {}
