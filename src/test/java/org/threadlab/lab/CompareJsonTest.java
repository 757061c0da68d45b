package org.threadlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;
import org.threadlab.ThreadLab;
import org.threadlab.worker.VirtualThreads;
import picocli.CommandLine;

@ExtendWith(NoChildrenLeft.class)
class CompareJsonTest {
    @Test
    @org.junit.jupiter.api.Tag("jdk21") // both branches: refused on 17, run on 21+ (.ci/run)
    void compareJsonHasOneRowPerModeAndTheDocumentedFields() {
        CommandLine cl = ThreadLab.commandLine();
        java.io.StringWriter out = new java.io.StringWriter();
        cl.setOut(new java.io.PrintWriter(out, true));
        int code = cl.execute("compare", "--workers", "2", "--duration", "1s", "--units", "0.15", "--json", "--quiet");
        assertEquals(0, code);
        String json = out.toString().trim();
        assertTrue(json.startsWith("{\"cores\":" + Runtime.getRuntime().availableProcessors() + ","), json);
        Matcher m = Pattern.compile("\\{\"workload\":\"(\\w+)\",\"mode\":\"(\\w+)\",\"kind\":\"\\w+\",\"workers\":(\\d+),\"gil\":(true|false),"
                + "\"wall_s\":([0-9.]+),\"cpu_s\":([0-9.]+),\"cores_busy\":([0-9.]+),\"speedup\":([0-9.]+),\"peak_rss_bytes\":(\\d+),\"peak_threads\":(\\d+)}").matcher(json);
        List<String> rows = new ArrayList<>();
        double sleepSequential = 0;
        double sleepThreads = 0;
        int osThreadsWithThreads = 0;
        int osThreadsWithProcesses = 0;
        while (m.find()) {
            rows.add(m.group(1) + ":" + m.group(2) + (m.group(4).equals("true") ? "+gil" : ""));
            assertTrue(Long.parseLong(m.group(9)) > 0, "peak rss");
            if (m.group(1).equals("sleep") && m.group(2).equals("sequential")) {
                sleepSequential = Double.parseDouble(m.group(5));
            }
            if (m.group(1).equals("sleep") && m.group(2).equals("threads") && m.group(4).equals("false")) {
                sleepThreads = Double.parseDouble(m.group(5));
                osThreadsWithThreads = Integer.parseInt(m.group(10));
            }
            if (m.group(1).equals("sleep") && m.group(2).equals("processes")) {
                osThreadsWithProcesses = Integer.parseInt(m.group(10));
            }
        }
        List<String> expected = new ArrayList<>();
        for (String w : List.of("sleep", "cpu")) {
            expected.addAll(List.of(w + ":single", w + ":sequential", w + ":threads", w + ":threads+gil"));
            if (VirtualThreads.available()) {
                expected.add(w + ":virtual");
            }
            expected.add(w + ":processes");
        }
        assertEquals(expected, rows, json);
        // waiting overlaps: two 1 s sleeps on two threads end well before 2 s, which no one-after-the-other run can do
        // (a busy machine delays each by a fraction of that, not by a second; the sequential run takes its 2 s at least)
        assertTrue(sleepSequential >= 1.98, "sequential " + sleepSequential);
        assertTrue(sleepThreads < 1.9, "threads " + sleepThreads + " s: their sleeps did not overlap (sequential " + sleepSequential + " s)");
        assertTrue(json.contains("\"verdicts\":[\"sleep: 2 threads ran"), json);
        // threads are cheap, processes heavy: each child JVM brings a handful of threads of its own
        assertTrue(osThreadsWithProcesses >= osThreadsWithThreads + 10,
                "os threads: " + osThreadsWithThreads + " with 2 threads, " + osThreadsWithProcesses + " with 2 processes");
    }
}
