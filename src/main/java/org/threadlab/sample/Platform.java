package org.threadlab.sample;

import java.io.File;
import java.nio.file.Path;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The one entry point to the machine's figures: the {@code /proc} root on Linux (cheap, and the only
 * source of a thread's last core) or OSHI's {@code SystemInfo} ({@link #of(DataSource)}: {@code --source};
 * by default OSHI only where there is no /proc). Nothing else in threadlab names "/proc" for measuring or
 * creates a {@code SystemInfo}; so every /proc reader can be pointed at a fixture directory
 * ({@link #proc(Path)}). OSHI is loaded only when asked for or when there is no /proc, so by default on
 * Linux the sampler needs no JNA.
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

    /** OSHI's memoised figures (CPU ticks, memory) are kept this long: well under the shortest interval. */
    static final int OSHI_MEMO_MILLIS = 10;

    private final String root;
    private final String sourceName;
    private final Supplier<Readers> readers;
    private final LongSupplier available;
    private final LongFunction<ProcessFootprint> footprints;
    /** The all-processes reader of this source; null for /proc, whose lister the sampler makes itself. */
    private Supplier<ProcessLister> lister;

    private Platform(String root, String sourceName, Supplier<Readers> readers, LongSupplier available,
                     LongFunction<ProcessFootprint> footprints) {
        this.root = root;
        this.sourceName = sourceName;
        this.readers = readers;
        this.available = available;
        this.footprints = footprints;
    }

    /** This machine: its /proc when there is one, else OSHI. */
    public static Platform system() {
        return Live.INSTANCE;
    }

    /**
     * This machine through the source asked for: {@link DataSource#AUTO} is {@link #system()}; PROC where
     * there is no /proc is refused (IllegalArgumentException, in the option's words).
     */
    public static Platform of(DataSource source) {
        switch (source) {
            case PROC:
                if (!PROC_AVAILABLE) {
                    throw new IllegalArgumentException("--source proc needs Linux's /proc, which this machine does not have;"
                            + " use --source oshi (or auto)");
                }
                return LiveProc.INSTANCE;
            case OSHI:
                return LiveOshi.INSTANCE;
            default:
                return system();
        }
    }

    /** A holder, so that OSHI is created (and JNA loaded) only when the machine is first asked for. */
    private static final class Live {
        static final Platform INSTANCE = PROC_AVAILABLE ? LiveProc.INSTANCE : LiveOshi.INSTANCE;
    }

    /** The live /proc, one per JVM. */
    private static final class LiveProc {
        static final Platform INSTANCE = proc(Path.of(PROC));
    }

    /** OSHI, one per JVM: its SystemInfo is dear to make (JNA, the OS's identity) and is thread-safe. */
    private static final class LiveOshi {
        static final Platform INSTANCE = oshi();
    }

    /** A /proc tree at {@code root}: the live one, or a fixture directory in tests. */
    public static Platform proc(Path root) {
        String r = root.toString();
        // the kernel's process clocks belong to the live /proc's processes, not to a fixture's made-up PIDs
        java.util.function.LongUnaryOperator processCpu = root.toAbsolutePath().normalize().equals(Path.of(PROC))
                ? ProcessClock.system() : ProcessClock.NONE;
        return new Platform(r, "proc", () -> {
            ProcFiles files = new ProcFiles();
            return new Readers(new ProcHost(files, r), pid -> new ProcProbe(pid, files, r, System::nanoTime, processCpu),
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
        // OSHI keeps CPU ticks and memory for oshi.util.memoizer.expiration (300 ms by default), fixed when
        // each of its objects is made: at a 100 ms interval two ticks would then read the same ticks (zero
        // deltas, "n/a"). 10 ms: every tick reads afresh, and the calls within one tick share a read.
        oshi.util.GlobalConfig.set(oshi.util.GlobalConfig.OSHI_UTIL_MEMOIZER_EXPIRATION, OSHI_MEMO_MILLIS);
        oshi.SystemInfo si = new oshi.SystemInfo();
        Platform platform = new Platform(null, "oshi", () -> new Readers(new OshiHost(si), pid -> new OshiProbe(pid, si.getOperatingSystem())),
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
                                : new ProcessFootprint(p.getResidentMemory(), p.getThreadCount());
                    } catch (RuntimeException | LinkageError e) {
                        return ProcessFootprint.UNKNOWN;
                    }
                });
        platform.lister = () -> new OshiLister(si.getOperatingSystem());
        return platform;
    }

    /** Made-up readers (tests: a probe that blocks, a host that fails). */
    static Platform of(Supplier<Readers> readers) {
        return new Platform(null, "test", readers, () -> -1, pid -> ProcessFootprint.UNKNOWN);
    }

    /** Fresh readers for one sampler (not thread-safe: they share one read buffer). */
    Readers readers() {
        return readers.get();
    }

    /** Which reader makes the figures, as {@code --source} names it: "proc" or "oshi" (never "auto"). */
    public String sourceName() {
        return sourceName;
    }

    /**
     * A reader of every process through this source (the all-processes view): OSHI's
     * {@code getProcesses()} for OSHI; null for /proc, whose lister ({@code ProcLister}) the sampler makes.
     */
    public ProcessLister processLister() {
        return lister == null ? null : lister.get();
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
