package org.threadlab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a JVM's resident set is, from the kernel: its threads' stacks (each mapping of
 * {@code /proc/self/smaps} that holds the stack pointer some thread shows in {@code /proc/self/task/TID/syscall},
 * that is every thread blocked in a system call: a sleeper) and the rest; and the heap's pools as the
 * collector sized them. What {@link ManyWorkersFigure} says each KiB of a worker is.
 *
 * @param stackMappings how many stacks were found (threads running at that instant show no stack pointer)
 * @param stackRssKib   the resident KiB of those stacks
 * @param otherRssKib   every other mapping's resident KiB (the heap, code, metaspace, malloc)
 * @param heapKib       the heap's pools: committed KiB (all of a young pool's is resident once used) and
 *                      used KiB, by pool name
 */
record Footprint(long stackMappings, long stackRssKib, long otherRssKib, Map<String, long[]> heapKib) {

    static Footprint now() {
        List<long[]> maps = new ArrayList<>();
        long total = 0;
        try {
            long[] cur = null;
            for (String l : Files.readAllLines(Path.of("/proc/self/smaps"))) {
                int dash = l.indexOf('-');
                int space = l.indexOf(' ');
                if (dash > 0 && space > dash && isHex(l, dash)) {
                    cur = new long[] {Long.parseUnsignedLong(l.substring(0, dash), 16),
                            Long.parseUnsignedLong(l.substring(dash + 1, space), 16), 0};
                    maps.add(cur);
                } else if (l.startsWith("Rss:") && cur != null) {
                    cur[2] = Long.parseLong(l.replaceAll("[^0-9]", ""));
                    total += cur[2];
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Footprint(0, 0, -1, Map.of());
        }
        // smaps lists mappings in address order: a binary search finds the one holding a stack pointer
        long[] starts = maps.stream().mapToLong(m -> m[0]).toArray();
        Set<Integer> stacks = new HashSet<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                long sp = stackPointer(task);
                int i = java.util.Arrays.binarySearch(starts, sp);
                i = i >= 0 ? i : -i - 2;
                if (sp > 0 && i >= 0 && sp < maps.get(i)[1]) {
                    stacks.add(i);
                }
            }
        } catch (IOException e) {
            return new Footprint(0, 0, total, heap());
        }
        long stackRss = 0;
        for (int i : stacks) {
            stackRss += maps.get(i)[2];
        }
        return new Footprint(stacks.size(), stackRss, total - stackRss, heap());
    }

    private static boolean isHex(String l, int end) {
        for (int i = 0; i < end; i++) {
            char c = l.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The stack pointer of a thread blocked in a system call (field 8 of its syscall file), -1 otherwise. */
    private static long stackPointer(Path task) {
        try {
            String[] f = Files.readString(task.resolve("syscall")).trim().split(" ");
            return f.length < 9 ? -1 : Long.parseUnsignedLong(f[7].substring(2), 16);
        } catch (IOException | RuntimeException e) {
            return -1; // ended, or running
        }
    }

    private static Map<String, long[]> heap() {
        Map<String, long[]> heap = new HashMap<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                heap.put(p.getName(), new long[] {p.getUsage().getCommitted() / 1024, p.getUsage().getUsed() / 1024});
            }
        }
        return heap;
    }

    /** As result-line keys: stacks (how many), stackKib (resident KiB a stack), otherKib, heap.NAME=committed/used. */
    void into(Map<String, String> out) {
        out.put("stacks", Long.toString(stackMappings));
        out.put("stackKib", stackMappings == 0 ? "-1" : String.format(java.util.Locale.ROOT, "%.1f", stackRssKib / (double) stackMappings));
        out.put("otherKib", Long.toString(otherRssKib));
        heapKib.forEach((name, v) -> out.put("heap." + name.replace(' ', '-'), v[0] + "/" + v[1]));
    }
}
