package org.threadlab.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This JVM's "globals" that workloads touch, by group name. Threads of this JVM all see the same
 * objects; a child JVM runs the same code and gets its own, empty copies: the lesson in one class.
 */
public final class SharedState {
    private static final ConcurrentHashMap<String, JvmCounter> COUNTERS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, List<String>> LISTS = new ConcurrentHashMap<>();

    private SharedState() {}

    public static JvmCounter counter(String group) {
        return COUNTERS.computeIfAbsent(group, g -> new JvmCounter());
    }

    /** A global list; appends from many threads are safe (the list is synchronized). */
    public static List<String> list(String group) {
        return LISTS.computeIfAbsent(group, g -> Collections.synchronizedList(new ArrayList<>()));
    }
}
