package org.threadlab.sample;

import java.time.Duration;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OperatingSystem;

/**
 * The host through OSHI ({@code --source oshi}, and wherever there is no /proc): per-core and total CPU
 * ticks (milliseconds, in /proc/stat's order), memory, swap, load, uptime. OSHI memoizes ticks and
 * memory for {@link Platform#OSHI_MEMO_MILLIS} (set before its objects are made), so every tick, even at
 * 100 ms, reads them afresh; were two reads to repeat, the deltas would be zero and shown as unknown (NaN).
 */
final class OshiHost implements HostReading.Source {
    private final CentralProcessor cpu;
    private final GlobalMemory memory;
    private final OperatingSystem os;
    private final String hostName;
    /** Only Linux's kernel counts time waiting for I/O apart; OSHI gives 0 elsewhere. */
    private final boolean iowaitKnown = SystemInfo.getCurrentPlatform() == oshi.PlatformEnum.LINUX;

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
        return new HostReading(ids, ticks, cpu.getSystemCpuLoadTicks(), iowaitKnown, total - memory.getAvailable(), total,
                memory.getVirtualMemory().getSwapUsed(), memory.getVirtualMemory().getSwapTotal(),
                cpu.getSystemLoadAverage(3), Duration.ofSeconds(os.getSystemUptime()), hostName,
                -1); // OSHI has no count of the threads runnable now
    }
}
