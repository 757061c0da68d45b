package org.threadlab.sample;

import java.time.Duration;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OperatingSystem;

/**
 * The host through OSHI, where there is no /proc. OSHI memoizes ticks for about 300 ms, so at the
 * fastest interval two reads may repeat: the deltas are then zero and reported as unknown (NaN).
 */
final class OshiHost implements HostReading.Source {
    private final CentralProcessor cpu;
    private final GlobalMemory memory;
    private final OperatingSystem os;
    private final String hostName;

    OshiHost(SystemInfo si) {
        this.cpu = si.getHardware().getProcessor();
        this.memory = si.getHardware().getMemory();
        this.os = si.getOperatingSystem();
        this.hostName = os.getNetworkParams().getHostName();
    }

    @Override
    public HostReading read() {
        long[][] ticks = cpu.getProcessorCpuLoadTicks();
        int[] ids = new int[ticks.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        long total = memory.getTotal();
        return new HostReading(ids, ticks, cpu.getSystemCpuLoadTicks(), false, total - memory.getAvailable(), total,
                memory.getVirtualMemory().getSwapUsed(), memory.getVirtualMemory().getSwapTotal(),
                cpu.getSystemLoadAverage(3), Duration.ofSeconds(os.getSystemUptime()), hostName);
    }
}
