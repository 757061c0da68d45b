package org.threadlab.sample;

import java.io.File;
import java.nio.file.Path;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The one entry point to the machine's figures: the {@code /proc} root on Linux (cheap, and the only
 * source of a thread's last core) or OSHI's {@code SystemInfo} elsewhere. Nothing else in threadlab
 * names "/proc" for measuring or creates a {@code SystemInfo}; so every /proc reader can be pointed at
 * a fixture directory ({@link #proc(Path)}). OSHI is loaded only when there is no /proc, so on Linux
 * the sampler needs no JNA.
 */
public final class Platform {
    /** Where the kernel's files are on a live Linux machine. */
    public static final String PROC = "/proc";
    static final boolean PROC_AVAILABLE = new File(PROC + "/self/stat").canRead();

    /**
     * What one sampler reads with: one host source and a probe per process, sharing one buffer;
     * {@code close} lets go of every file they keep open (safe from any thread, even during a tick).
     */
    record Readers(HostReading.Source host, LongFunction<ProcessProbe> probes, Runnable close) {
        Readers(HostReading.Source host, LongFunction<ProcessProbe> probes) {
            this(host, probes, () -> {});
        }
    }

    private final String root;
    private final Supplier<Readers> readers;
    private final LongSupplier available;
    private final LongFunction<ProcessFootprint> footprints;

    private Platform(String root, Supplier<Readers> readers, LongSupplier available,
                     LongFunction<ProcessFootprint> footprints) {
        this.root = root;
        this.readers = readers;
        this.available = available;
        this.footprints = footprints;
    }

    /** This machine: its /proc when there is one, else OSHI. */
    public static Platform system() {
        return Live.INSTANCE;
    }

    /** A holder, so that OSHI is created (and JNA loaded) only when the machine is first asked for. */
    private static final class Live {
        static final Platform INSTANCE = PROC_AVAILABLE ? proc(Path.of(PROC)) : oshi();
    }

    /** A /proc tree at {@code root}: the live one, or a fixture directory in tests. */
    public static Platform proc(Path root) {
        String r = root.toString();
        return new Platform(r, () -> {
            ProcFiles files = new ProcFiles();
            return new Readers(new ProcHost(files, r), pid -> new ProcProbe(pid, files, r, System::nanoTime),
                    files::closeAll);
        }, () -> {
            ProcFiles files = new ProcFiles();
            long kib = files.read(r + "/meminfo") ? files.field("MemAvailable:") : -1;
            return kib < 0 ? -1 : kib * 1024;
        }, pid -> {
            ProcFiles files = new ProcFiles();
            if (!files.read(r + "/" + pid + "/stat")) {
                return ProcessFootprint.UNKNOWN;
            }
            TaskStat st = TaskStat.parse(files.buffer(), files.length());
            return st == null ? ProcessFootprint.UNKNOWN
                    : new ProcessFootprint(st.rssPages() * SystemConstants.PAGE_SIZE, st.numThreads());
        });
    }

    private static Platform oshi() {
        oshi.SystemInfo si = new oshi.SystemInfo();
        return new Platform(null, () -> new Readers(new OshiHost(si), pid -> new OshiProbe(pid, si.getOperatingSystem())),
                () -> {
                    try {
                        return si.getHardware().getMemory().getAvailable();
                    } catch (RuntimeException | LinkageError e) {
                        return -1;
                    }
                }, pid -> {
                    try {
                        oshi.software.os.OSProcess p = si.getOperatingSystem().getProcess((int) pid);
                        return p == null ? ProcessFootprint.UNKNOWN
                                : new ProcessFootprint(p.getResidentSetSize(), p.getThreadCount());
                    } catch (RuntimeException | LinkageError e) {
                        return ProcessFootprint.UNKNOWN;
                    }
                });
    }

    /** Made-up readers (tests: a probe that blocks, a host that fails). */
    static Platform of(Supplier<Readers> readers) {
        return new Platform(null, readers, () -> -1, pid -> ProcessFootprint.UNKNOWN);
    }

    /** Fresh readers for one sampler (not thread-safe: they share one read buffer). */
    Readers readers() {
        return readers.get();
    }

    /** The /proc root read, or null where OSHI is used. */
    public String procRoot() {
        return root;
    }

    /**
     * The machine's available memory (MemAvailable of meminfo, read as the sampler reads it; OSHI's
     * figure elsewhere), for refusing a memory workload the machine cannot hold; -1 when unknown.
     */
    public long availableMemoryBytes() {
        return available.getAsLong();
    }

    /** One process's resident memory and thread count, from one read of its stat. */
    ProcessFootprint footprint(long pid) {
        return footprints.apply(pid);
    }
}
