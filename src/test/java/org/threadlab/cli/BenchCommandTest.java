package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.threadlab.ThreadLab;
import picocli.CommandLine;

class BenchCommandTest {

    @Test
    void benchSamplerPrintsBothCostsAndTheRatioAndLeavesNoTarget() throws Exception {
        Assumptions.assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/stat")));
        StringWriter out = new StringWriter();
        CommandLine cl = ThreadLab.commandLine();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("bench", "sampler", "--threads", "20", "--ticks", "2", "--delay", "100ms"));
        String text = out.toString();
        assertTrue(text.contains("sampler  2 ticks: cpu mean"), text);
        assertTrue(text.contains(" threads: "), text);
        if (text.contains("top      top -b -H -p")) {
            assertTrue(text.contains("ratio    sampler tick / top refresh = "), text);
        }
        long pid = Long.parseLong(text.replaceAll("(?s)^target\\s+pid (\\d+),.*", "$1"));
        assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "the target was killed");
    }

    @Test
    void timesFormatIsParsed() {
        assertEquals(61.25, org.threadlab.sample.SamplerBench.minutesSeconds("1m1.250000s"), 1e-9);
    }
}
