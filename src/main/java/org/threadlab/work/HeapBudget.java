package org.threadlab.work;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.threadlab.text.Sizes;

/**
 * threadlab's heap is shared by every thread worker and by threadlab itself: one thread workload
 * may take only part of it, and what it took is given back to the system when it ends. A JVM keeps
 * heap it once grew to (an out-of-memory crash left threadlab at 5.8 GB of RSS); a full collection
 * with tight free ratios shrinks it, and the JVM returns the freed pages.
 */
public final class HeapBudget {
    /** Settable with -Dthreadlab.thread.memory=SIZE (e.g. 512MiB). */
    public static final String PROPERTY = "threadlab.thread.memory";
    private static final long DEFAULT = Sizes.GIB;

    private HeapBudget() {}

    /**
     * The most one thread workload may take of threadlab's heap: 1GiB. A smaller heap (-Xmx) runs out
     * first: then the thread meets a real OutOfMemoryError, as it would in any JVM.
     */
    public static long perThreadWorkload() {
        String forced = System.getProperty(PROPERTY);
        return forced != null ? Sizes.parse(forced) : DEFAULT;
    }

    /**
     * Shrinks the heap to what is live, now: a full collection while the free ratios are tight
     * (the JVM sizes the heap at a full collection; they are put back at once, so later growth is as
     * usual). Repeated while it still shrinks: the serial collector shrinks in steps. Takes a few
     * milliseconds, with every thread stopped.
     */
    public static void shrink() {
        HotSpotDiagnosticMXBean vm = diagnostics();
        String min = option(vm, "MinHeapFreeRatio");
        String max = option(vm, "MaxHeapFreeRatio");
        try {
            // Min down before Max (Min may never exceed Max), and back in the other order
            set(vm, "MinHeapFreeRatio", "10");
            set(vm, "MaxHeapFreeRatio", "30");
            long before = Long.MAX_VALUE;
            for (int i = 0; i < 4 && Runtime.getRuntime().totalMemory() < before; i++) {
                before = Runtime.getRuntime().totalMemory();
                System.gc();
            }
        } finally {
            set(vm, "MaxHeapFreeRatio", max);
            set(vm, "MinHeapFreeRatio", min);
        }
    }

    private static HotSpotDiagnosticMXBean diagnostics() {
        try {
            return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static String option(HotSpotDiagnosticMXBean vm, String name) {
        try {
            return vm == null ? null : vm.getVMOption(name).getValue();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void set(HotSpotDiagnosticMXBean vm, String name, String value) {
        if (vm == null || value == null) {
            return;
        }
        try {
            vm.setVMOption(name, value);
        } catch (RuntimeException e) {
            // not this JVM's flag, or not manageable here: the collection still frees what it can
        }
    }
}
