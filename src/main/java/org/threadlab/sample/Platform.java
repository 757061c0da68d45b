package org.threadlab.sample;

/**
 * Where the numbers come from: /proc on Linux (cheap, and the only source of a thread's last core),
 * OSHI elsewhere. OSHI is loaded only when there is no /proc, so on Linux the sampler needs no JNA.
 */
final class Platform {
    private final HostReading.Source host;
    private final java.util.function.LongFunction<ProcessProbe> probes;

    private Platform(HostReading.Source host, java.util.function.LongFunction<ProcessProbe> probes) {
        this.host = host;
        this.probes = probes;
    }

    static Platform create() {
        if (ProcFiles.AVAILABLE) {
            ProcFiles files = new ProcFiles();
            return new Platform(new ProcHost(files), pid -> new ProcProbe(pid, files));
        }
        oshi.SystemInfo si = new oshi.SystemInfo();
        return new Platform(new OshiHost(si), pid -> new OshiProbe(pid, si.getOperatingSystem()));
    }

    HostReading.Source host() {
        return host;
    }

    ProcessProbe probe(long pid) {
        return probes.apply(pid);
    }
}
