package org.threadlab.sample;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * threadlab's own Java threads at one moment, read from the live {@code Thread} objects (the root thread
 * group's {@code enumerate}: name, state, daemon flag and id are field reads) and one bulk ThreadMXBean
 * call for their allocated bytes; and the join of native TIDs to them: explicit pairs first (workers
 * know both ids), then the kernel name, which is the Java name cut to 15 bytes, where that is unique on
 * both sides. It sees the threads {@code ThreadMXBean.getAllThreadIds} sees (the JVM's hidden compiler
 * threads neither, virtual threads neither; {@code JavaViewThreadsTest} compares the two).
 *
 * <p>Why not {@code getAllThreadIds} and {@code getThreadInfo}: with 10,000 thread workers those made a
 * {@code ThreadInfo} per thread read, boxed ids in maps of every thread and 30–40 ms of wall time a
 * tick, garbage the young generation cycled through while every worker slept (docs/PERFORMANCE.md, "Many
 * workers"). Now every thread's state is current every tick, and while the set of threads and their
 * names stand, a tick makes two arrays (allocated bytes, and CPU clocks when asked) and nothing per
 * thread: the sorted ids, the threads, their short names and the name index are kept in {@link Memory}.
 *
 * <p>A thread whose name, state, daemon flag and allocated bytes are what the last tick read keeps the
 * last tick's {@code JavaThreadSample} (immutable): a sleeping thread costs no new object a tick.
 */
final class JavaView implements OwnClocks {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.ThreadMXBean SUN =
            MX instanceof com.sun.management.ThreadMXBean s && s.isThreadAllocatedMemorySupported() ? s : null;
    private static final ThreadGroup ROOT = root();

    private final Memory m;
    private long[] clocks;
    private long clocksAt;
    /** this tick's clocks are read one by one, as asked ({@link #oneByOne}) */
    private boolean oneByOne;

    /**
     * What a sampler keeps of its JVM's threads from one tick to the next (its own: one per sampler), all
     * in the order of the sorted ids. A view uses these arrays during its tick; the next view reuses them.
     */
    static final class Memory {
        /** what {@code enumerate} fills: grown as needed, never shrunk */
        private Thread[] found = new Thread[64];
        private long[] ids = new long[0];
        private Thread[] threads = new Thread[0];
        /** the last view's sample of each thread (null: it ended before it was read) */
        private JavaThreadSample[] samples = new JavaThreadSample[0];
        /** each thread's kernel name and the Java name it was cut from (compared by identity) */
        private String[] shortNames = new String[0];
        private String[] shortOf = new String[0];
        /** kernel name to Java id, -1 where two threads share it: made again when a thread or a name changed */
        private Map<String, Long> byShortName = Map.of();
        /**
         * The known (TID, Java id) pairs as sorted TIDs and their ids, made again only when the sampler is
         * handed another map (the watch list changes when workers do): no boxed TID per thread per tick.
         */
        private Map<Long, Long> pairsOf;
        private long[] pairTids = new long[0];
        private long[] pairIds = new long[0];
    }

    /** Every thread read now (tests, and whoever has no memory to keep). */
    JavaView(Map<Long, Long> javaIdByTid) {
        this(javaIdByTid, new Memory());
    }

    /** @param javaIdByTid known native TID to Java thread id pairs (thread workers) */
    JavaView(Map<Long, Long> javaIdByTid, Memory memory) {
        this(javaIdByTid, memory, true);
    }

    /**
     * @param allocations whether the threads' allocated bytes are read (else -1, unknown): only a thread
     *                    worker's are shown, and a recording or snapshot keeps every thread's, so a screen
     *                    with no thread worker spares the bulk call (a JNI call and a lookup per thread)
     */
    JavaView(Map<Long, Long> javaIdByTid, Memory memory, boolean allocations) {
        this.m = memory;
        if (m.pairsOf != javaIdByTid) {
            takePairs(javaIdByTid);
        }
        int n;
        while ((n = ROOT.enumerate(m.found, true)) == m.found.length) {
            m.found = new Thread[m.found.length * 2]; // it may have missed some: again, with room to spare
        }
        boolean changed = !sameThreads(n);
        if (changed) {
            takeThreads(n);
        }
        Arrays.fill(m.found, 0, n, null); // the found threads are held by m.threads only
        long[] allocated = allocations && SUN != null && SUN.isThreadAllocatedMemoryEnabled()
                ? SUN.getThreadAllocatedBytes(m.ids) : null;
        for (int i = 0; i < m.ids.length; i++) {
            Thread t = m.threads[i];
            long alloc = allocated != null ? allocated[i] : -1;
            Thread.State state = t.getState();
            if (state == Thread.State.TERMINATED) {
                m.samples[i] = null; // ended since it was found
                continue;
            }
            String name = t.getName();
            boolean daemon = t.isDaemon();
            JavaThreadSample was = m.samples[i];
            // the last tick's sample when nothing in it changed (a sleeping thread): no new object a tick
            if (was == null || was.allocatedBytes() != alloc || was.state() != state || was.daemon() != daemon
                    || !was.name().equals(name)) {
                m.samples[i] = new JavaThreadSample(m.ids[i], name, state, daemon, alloc);
            }
            if (m.shortOf[i] != name) {
                m.shortOf[i] = name;
                m.shortNames[i] = shortName(name);
                changed = true;
            }
        }
        if (changed) {
            Map<String, Long> byShortName = new HashMap<>(m.ids.length * 2);
            for (int i = 0; i < m.ids.length; i++) {
                if (m.samples[i] != null) {
                    String key = m.shortNames[i];
                    byShortName.put(key, byShortName.containsKey(key) ? -1L : m.ids[i]);
                }
            }
            m.byShortName = byShortName;
        }
    }

    /** Whether the n threads found are the last view's, by id (no array made: a binary search each). */
    private boolean sameThreads(int n) {
        if (n != m.ids.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            int at = Arrays.binarySearch(m.ids, m.found[i].getId());
            if (at < 0 || m.threads[at] != m.found[i]) {
                return false;
            }
        }
        return true;
    }

    /** New arrays for a new set of threads, sorted by id; samples and short names carried over by thread. */
    private void takeThreads(int n) {
        Thread[] threads = Arrays.copyOf(m.found, n);
        Arrays.sort(threads, (a, b) -> Long.compare(a.getId(), b.getId()));
        long[] ids = new long[n];
        JavaThreadSample[] samples = new JavaThreadSample[n];
        String[] shortNames = new String[n];
        String[] shortOf = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = threads[i].getId();
            int was = Arrays.binarySearch(m.ids, ids[i]);
            if (was >= 0 && m.threads[was] == threads[i]) {
                samples[i] = m.samples[was];
                shortNames[i] = m.shortNames[was];
                shortOf[i] = m.shortOf[was];
            }
        }
        m.ids = ids;
        m.threads = threads;
        m.samples = samples;
        m.shortNames = shortNames;
        m.shortOf = shortOf;
    }

    private void takePairs(Map<Long, Long> javaIdByTid) {
        long[][] pairs = new long[javaIdByTid.size()][];
        int n = 0;
        for (Map.Entry<Long, Long> e : javaIdByTid.entrySet()) {
            pairs[n++] = new long[] {e.getKey(), e.getValue()};
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        m.pairTids = new long[n];
        m.pairIds = new long[n];
        for (int i = 0; i < n; i++) {
            m.pairTids[i] = pairs[i][0];
            m.pairIds[i] = pairs[i][1];
        }
        m.pairsOf = javaIdByTid;
    }

    /** The Java id paired with a native TID (a worker's), else -1. */
    private long paired(long tid) {
        int i = Arrays.binarySearch(m.pairTids, tid);
        return i < 0 ? -1 : m.pairIds[i];
    }

    private static ThreadGroup root() {
        ThreadGroup g = Thread.currentThread().getThreadGroup();
        while (g.getParent() != null) {
            g = g.getParent();
        }
        return g;
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether this JVM measures its threads' CPU time (the probe of threadlab's own process then uses it). */
    static boolean clocksAvailable() {
        return SUN != null && SUN.isThreadCpuTimeSupported() && SUN.isThreadCpuTimeEnabled();
    }

    @Override
    public long javaId(long tid, String kernelName, boolean nameUnique) {
        long paired = paired(tid);
        if (paired >= 0 || !nameUnique) {
            return paired;
        }
        Long id = m.byShortName.get(kernelName);
        return id == null || id < 0 ? -1 : id;
    }

    @Override
    public void oneByOne() {
        oneByOne = clocks == null;
    }

    @Override
    public long cpuNanos(long javaId) {
        if (oneByOne) {
            if (clocksAt == 0) {
                clocksAt = System.nanoTime();
            }
            // one system call for this thread alone (the few likely to have run), not one for every thread
            return Arrays.binarySearch(m.ids, javaId) < 0 || !clocksAvailable() ? -1 : SUN.getThreadCpuTime(javaId);
        }
        if (clocks == null) {
            // one bulk call for every thread (a clock_gettime each, no safepoint), when first needed
            clocksAt = System.nanoTime();
            clocks = clocksAvailable() ? SUN.getThreadCpuTime(m.ids) : new long[0];
        }
        int i = Arrays.binarySearch(m.ids, javaId);
        return i < 0 || i >= clocks.length ? -1 : clocks[i];
    }

    @Override
    public long readAt() {
        return clocksAt;
    }

    JavaThreadSample byJavaId(long id) {
        int i = Arrays.binarySearch(m.ids, id);
        return i < 0 ? null : m.samples[i];
    }

    /**
     * @param nameUnique whether no other native thread of the process has the same kernel name
     */
    JavaThreadSample forTask(long tid, String comm, boolean nameUnique) {
        long id = javaId(tid, comm, nameUnique);
        return id < 0 ? null : byJavaId(id);
    }

    /** What Linux keeps of a thread name: its first 15 bytes (TASK_COMM_LEN - 1). */
    static String shortName(String name) {
        if (ascii(name)) {
            // one byte a character: no encoding (10,000 worker names a tick)
            return name.length() <= 15 ? name : name.substring(0, 15);
        }
        byte[] b = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (b.length <= 15) {
            return name;
        }
        return new String(b, 0, 15, java.nio.charset.StandardCharsets.UTF_8);
    }
}
