package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.threadlab.ThreadLab;
import picocli.CommandLine;

@org.junit.jupiter.api.extension.ExtendWith(org.threadlab.NoChildrenLeft.class)
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
        if (text.contains("top      /usr/bin/top -b -H -p") || text.contains("top      /bin/top -b -H -p")) {
            assertTrue(text.contains("ratio    sampler tick / top refresh = "), text);
        }
        long pid = Long.parseLong(text.replaceAll("(?s)^target\\s+pid (\\d+),.*", "$1"));
        assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "the target was killed");
    }

    @Test
    void onlyTakesAFigureNamedLikeASubcommand() {
        Assumptions.assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/stat")));
        StringWriter out = new StringWriter();
        CommandLine cl = ThreadLab.commandLine();
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute("bench", "--only", "sampler", "--quick", "--json");
        assertTrue(code == 0 || code == 1, "measured, not refused: " + code);
        assertTrue(out.toString().contains("\"sampler-10\""), out.toString());
    }

    @Test
    void benchChildComparesAChildWorkerWithAnEmptyJvm() {
        StringWriter out = new StringWriter();
        CommandLine cl = ThreadLab.commandLine();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("bench", "child", "--rounds", "2"));
        String text = out.toString();
        assertTrue(text.contains("child worker hello  median "), text);
        assertTrue(text.contains("empty JVM main      median "), text);
        assertTrue(text.matches("(?s).*ratio\\s+[0-9.]+\\s*\nchild started from  \\S.*"), text);
    }
}
