package org.threadlab.sample;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * threadlab's own Java threads at one moment, from two ThreadMXBean bulk calls (infos, allocated
 * bytes), and the join of native TIDs to them: explicit pairs first (workers know both ids), then the
 * kernel name, which is the Java name cut to 15 bytes, where that is unique on both sides.
 */
final class JavaView {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.ThreadMXBean SUN =
            MX instanceof com.sun.management.ThreadMXBean s && s.isThreadAllocatedMemorySupported() ? s : null;

    private final Map<Long, JavaThreadSample> byId = new HashMap<>();
    private final Map<String, Long> byShortName = new HashMap<>();
    private final Map<Long, Long> javaIdByTid;

    /** @param javaIdByTid known native TID to Java thread id pairs (thread workers) */
    JavaView(Map<Long, Long> javaIdByTid) {
        this.javaIdByTid = javaIdByTid;
        long[] ids = MX.getAllThreadIds();
        ThreadInfo[] infos = MX.getThreadInfo(ids);
        long[] allocated = SUN != null && SUN.isThreadAllocatedMemoryEnabled() ? SUN.getThreadAllocatedBytes(ids) : null;
        for (int i = 0; i < ids.length; i++) {
            ThreadInfo t = infos[i];
            if (t == null) {
                continue; // ended between the two calls
            }
            byId.put(ids[i], new JavaThreadSample(ids[i], t.getThreadName(), t.getThreadState(), t.isDaemon(),
                    allocated != null ? allocated[i] : -1));
            String key = shortName(t.getThreadName());
            byShortName.put(key, byShortName.containsKey(key) ? -1L : ids[i]);
        }
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
        byte[] b = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (b.length <= 15) {
            return name;
        }
        return new String(b, 0, 15, java.nio.charset.StandardCharsets.UTF_8);
    }
}
