package org.threadlab.work;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A CPU unit is about one second of one core's time, however busy the machine was when it was measured. */
class CpuCalibrationTest {

    @Test
    void aUnitMeasuredOnABusyMachineIsStillAboutOneCpuSecond() throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(mx.isCurrentThreadCpuTimeSupported(), "no thread CPU clock here");
        // more hogs than cores: a wall-clock measurement gets a fraction of a core and undercounts the rate
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> hogs = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors() * 2; i++) {
            Thread t = new Thread(() -> {
                long x = 1;
                while (!stop.get()) {
                    x = CpuBurn.burn(10_000, x);
                }
            }, "hog-" + i);
            t.setDaemon(true);
            t.start();
            hogs.add(t);
        }
        long perUnit;
        try {
            perUnit = CpuCalibration.measure();
        } finally {
            stop.set(true);
            for (Thread t : hogs) {
                t.join();
            }
        }
        // a fifth of a unit, burned on a quiet-ish machine, costs about a fifth of a CPU second
        long before = mx.getCurrentThreadCpuTime();
        CpuBurn.burn(perUnit / 5, 7);
        double cpuSeconds = (mx.getCurrentThreadCpuTime() - before) / 1e9;
        assertTrue(cpuSeconds > 0.2 * 0.7 && cpuSeconds < 0.2 * 1.5,
                "a fifth of a unit took " + cpuSeconds + " CPU seconds, not about 0.2 (" + perUnit + " iterations per unit)");
    }
}
