package org.threadlab.sample;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Values that never change while threadlab runs, read once. On Linux the clock tick rate and page size
 * come from the process's auxiliary vector ({@code /proc/self/auxv}, AT_CLKTCK and AT_PAGESZ): no
 * native library and no {@code getconf} child needed.
 */
final class SystemConstants {
    private static final long AT_PAGESZ = 6;
    private static final long AT_CLKTCK = 17;

    /** Clock ticks per second (USER_HZ): the unit of the times in /proc stat files. */
    static final long HZ;
    static final long PAGE_SIZE;
    /** Boot time in epoch seconds (btime of /proc/stat); -1 when unknown. */
    static final long BOOT_EPOCH_SECONDS;

    static {
        long hz = 100;
        long page = 4096;
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(Path.of(Platform.PROC, "self", "auxv"))).order(ByteOrder.nativeOrder());
            boolean wide = System.getProperty("os.arch", "").contains("64");
            while (b.remaining() >= (wide ? 16 : 8)) {
                long type = wide ? b.getLong() : b.getInt();
                long value = wide ? b.getLong() : b.getInt() & 0xffffffffL;
                if (type == AT_CLKTCK && value > 0) {
                    hz = value;
                } else if (type == AT_PAGESZ && value > 0) {
                    page = value;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the OSHI paths do not use these
        }
        HZ = hz;
        PAGE_SIZE = page;
        long boot = -1;
        ProcFiles f = new ProcFiles();
        if (f.read(Platform.PROC + "/stat")) {
            boot = f.field("btime");
        }
        BOOT_EPOCH_SECONDS = boot;
    }

    private SystemConstants() {}
}
