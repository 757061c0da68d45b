package org.threadlab.sample;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the sampler is told to measure, besides threadlab's own JVM (always watched, role "self"):
 * whoever owns the workers says which PIDs and which of its own threads matter, so the sampler needs
 * to know nothing about workers.
 *
 * @param processes   PID to role ("worker", "external"...), in the order they are to be shown
 * @param javaIdByTid native TID to Java thread id, for threadlab's own worker threads (joined exactly
 *                    rather than by their cut-down kernel names)
 * @param javaThreads Java thread ids of threadlab's own threads whose JVM readings (allocated bytes,
 *                    Java state) are wanted in each {@link Measurement}, with or without a TID
 * @param everyProcess whether every process on the machine is read too ({@link Measurement#table()}):
 *                    only while the all-processes view is open, since it costs a few reads a process
 * @param everyFigure whether every figure of every watched thread is read (a recording, a snapshot: the
 *                    default): every thread's context-switch counts, idle threads' {@code stat} in
 *                    rotation (a nice set from outside), every Java thread's allocated bytes. When false
 *                    (a screen) switch counts are read for {@code switchTids} alone, the rest -1
 *                    (unknown): a thread's switches are in its {@code status}, the dearest file of a
 *                    tick, and the screen shows them for the selected thread alone; the rotation runs
 *                    only while a wake-up can wait for a CPU; allocations only while a Java thread is
 *                    watched
 * @param switchTids  the threads whose switch counts are read when not {@code everyFigure}
 */
public record WatchList(Map<Long, String> processes, Map<Long, Long> javaIdByTid, Set<Long> javaThreads,
                        boolean everyProcess, boolean everyFigure, Set<Long> switchTids) {
    public static final WatchList NOTHING = new WatchList(Map.of(), Map.of(), Set.of());

    /** Without the process table. */
    public WatchList(Map<Long, String> processes, Map<Long, Long> javaIdByTid, Set<Long> javaThreads) {
        this(processes, javaIdByTid, javaThreads, false, true, Set.of());
    }

    /** The same, with or without every process. */
    public WatchList everyProcess(boolean on) {
        return on == everyProcess ? this : new WatchList(processes, javaIdByTid, javaThreads, on, everyFigure, switchTids);
    }

    /** The same, reading the switch counts of these threads alone (null: of every thread). */
    public WatchList switchesOf(Set<Long> tids) {
        boolean every = tids == null;
        Set<Long> only = every ? Set.of() : Set.copyOf(tids);
        return every == everyFigure && only.equals(switchTids) ? this
                : new WatchList(processes, javaIdByTid, javaThreads, everyProcess, every, only);
    }

    /**
     * Whether this thread's switch counts are to be read: the rule. The sampler applies it through a
     * sorted array of {@link #switchTids} made once per watch list (a lookup here boxes the TID, once per
     * thread per tick at 10,000 threads).
     */
    public boolean wantsSwitches(long tid) {
        return everyFigure || switchTids.contains(tid);
    }

    public WatchList {
        for (long pid : processes.keySet()) {
            if (pid <= 0) {
                throw new IllegalArgumentException("no such process id: " + pid);
            }
        }
        processes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(processes));
        javaIdByTid = Map.copyOf(javaIdByTid);
        javaThreads = Set.copyOf(javaThreads);
        switchTids = Set.copyOf(switchTids);
    }

    /** Just these PIDs, role "external" (the {@code snapshot} command, a bench). */
    public static WatchList pids(Iterable<Long> pids) {
        Map<Long, String> m = new LinkedHashMap<>();
        for (long pid : pids) {
            m.putIfAbsent(pid, "external");
        }
        return new WatchList(m, Map.of(), Set.of());
    }
}
