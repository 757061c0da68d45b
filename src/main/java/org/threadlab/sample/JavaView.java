package org.threadlab.sample;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * threadlab's own Java threads at one moment, from ThreadMXBean bulk calls (ids, allocated bytes,
 * infos), and the join of native TIDs to them: explicit pairs first (workers know both ids), then the
 * kernel name, which is the Java name cut to 15 bytes, where that is unique on both sides.
 *
 * <p>With many threads (10,000 thread workers), a {@code ThreadInfo} for every thread every tick is
 * 30–40 ms of wall time and 10,000 objects: then above {@link #READ_ALL_UP_TO} threads, a thread's info
 * is read again only when it is new, when it allocated {@link #BUSY_BYTES} or more since (it is busy), or
 * in its turn (one eighth of the threads a tick); the others keep the last info read, with this tick's
 * allocated bytes (read for all, every tick). So the Java state of a thread that allocates little (a
 * sleeper, a loop that allocates nothing) may be up to {@link #ROTATION} - 1 ticks old; its CPU, kernel
 * state and allocated bytes are current.
 *
 * <p>A thread whose name, state, daemon flag and allocated bytes are what the last tick read keeps the
 * last tick's {@code JavaThreadSample} (immutable): a sleeping thread costs no new object a tick.
 */
final class JavaView implements OwnClocks {
    /** Up to this many threads, every thread's info is read every tick. */
    static final int READ_ALL_UP_TO = 256;
    /** Above it, each idle thread's info is read every this many ticks. */
    static final int ROTATION = 8;
    /**
     * A thread that allocated this much since its last read did work, and is read again at once; a sleeping
     * worker's wake-up allocates a few dozen bytes (every sleep slice), so "it allocated at all" would read them all.
     */
    static final long BUSY_BYTES = 64 * 1024;

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.ThreadMXBean SUN =
            MX instanceof com.sun.management.ThreadMXBean s && s.isThreadAllocatedMemorySupported() ? s : null;

    private final Map<Long, JavaThreadSample> byId;
    private final Map<String, Long> byShortName = new HashMap<>();
    private final Map<Long, Long> javaIdByTid;
    private final long[] ids;
    /** {@link #ids} sorted, and their CPU clocks in the same order: read at the first {@link #cpuNanos} */
    private long[] sortedIds;
    private long[] clocks;
    private long clocksAt;

    /** What a sampler keeps of its JVM's threads from one tick to the next (its own: one per sampler). */
    static final class Memory {
        private Map<Long, JavaThreadSample> last = Map.of();
        private long tick;
    }

    /** Every thread read now (tests, and whoever has no memory to keep). */
    JavaView(Map<Long, Long> javaIdByTid) {
        this(javaIdByTid, new Memory());
    }

    /** @param javaIdByTid known native TID to Java thread id pairs (thread workers) */
    JavaView(Map<Long, Long> javaIdByTid, Memory memory) {
        this.javaIdByTid = javaIdByTid;
        long[] ids = MX.getAllThreadIds();
        this.ids = ids;
        long[] allocated = SUN != null && SUN.isThreadAllocatedMemoryEnabled() ? SUN.getThreadAllocatedBytes(ids) : null;
        byId = new HashMap<>(ids.length * 2);
        long turn = memory.tick++ % ROTATION;
        boolean all = ids.length <= READ_ALL_UP_TO;
        long[] want = ids;
        // which threads' infos are read now; the others keep the one read before
        boolean[] read = new boolean[ids.length];
        if (all) {
            Arrays.fill(read, true);
        } else {
            want = new long[ids.length];
            int n = 0;
            for (int i = 0; i < ids.length; i++) {
                JavaThreadSample was = memory.last.get(ids[i]);
                if (was == null || allocated == null || allocated[i] - was.allocatedBytes() >= BUSY_BYTES
                        || Math.floorMod(ids[i], ROTATION) == turn) {
                    want[n++] = ids[i];
                    read[i] = true;
                }
            }
            want = Arrays.copyOf(want, n);
        }
        ThreadInfo[] infos = MX.getThreadInfo(want);
        Map<Long, ThreadInfo> fresh = new HashMap<>(want.length * 2);
        for (int i = 0; i < want.length; i++) {
            if (infos[i] != null) {
                fresh.put(want[i], infos[i]);
            }
        }
        for (int i = 0; i < ids.length; i++) {
            long alloc = allocated != null ? allocated[i] : -1;
            ThreadInfo t = fresh.get(ids[i]);
            JavaThreadSample s;
            if (t != null) {
                JavaThreadSample was = memory.last.get(ids[i]);
                // the last tick's sample when nothing in it changed (a sleeping thread): no new object a tick
                s = was != null && was.allocatedBytes() == alloc && was.state() == t.getThreadState()
                        && was.daemon() == t.isDaemon() && was.name().equals(t.getThreadName())
                        ? was : new JavaThreadSample(ids[i], t.getThreadName(), t.getThreadState(), t.isDaemon(), alloc);
            } else if (!read[i]) {
                JavaThreadSample was = memory.last.get(ids[i]);
                s = was.allocatedBytes() == alloc ? was : new JavaThreadSample(ids[i], was.name(), was.state(), was.daemon(), alloc);
            } else {
                continue; // ended between the calls
            }
            byId.put(ids[i], s);
            String key = shortName(s.name());
            byShortName.put(key, byShortName.containsKey(key) ? -1L : ids[i]);
        }
        memory.last = byId;
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
        Long id = javaIdByTid.get(tid);
        if (id == null && nameUnique) {
            id = byShortName.get(kernelName);
        }
        return id == null || id < 0 ? -1 : id;
    }

    @Override
    public long cpuNanos(long javaId) {
        if (clocks == null) {
            // one bulk call for every thread (a clock_gettime each, no safepoint), when first needed
            sortedIds = ids.clone();
            Arrays.sort(sortedIds);
            clocksAt = System.nanoTime();
            clocks = clocksAvailable() ? SUN.getThreadCpuTime(sortedIds) : new long[0];
        }
        int i = Arrays.binarySearch(sortedIds, javaId);
        return i < 0 || i >= clocks.length ? -1 : clocks[i];
    }

    @Override
    public long readAt() {
        return clocksAt;
    }

    JavaThreadSample byJavaId(long id) {
        return byId.get(id);
    }

    /**
     * @param nameUnique whether no other native thread of the process has the same kernel name
     */
    JavaThreadSample forTask(long tid, String comm, boolean nameUnique) {
        Long id = javaIdByTid.get(tid);
        if (id == null && nameUnique) {
            id = byShortName.get(comm);
        }
        return id == null || id < 0 ? null : byId.get(id);
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
