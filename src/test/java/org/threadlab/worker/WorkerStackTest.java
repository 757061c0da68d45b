package org.threadlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * What reading its TID leaves on a thread worker's stack: a sleeping thread keeps resident every stack
 * page it ever touched, and at 10,000 workers a page each is 40 MB. Measured in a JVM of its own
 * ({@link StackPages}) with every method compiled before it runs ({@code -Xcomp}): a method the
 * interpreter runs touches the 20 pages of the stack's shadow zone at once, whatever it does, and would
 * hide the difference.
 */
class WorkerStackTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void readingItsTidTouchesNoStackPageASleepingThreadDoesNotTouch() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xcomp", "-Xbatch", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), StackPages.class.getName(), "40"))
                .redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                out.append(l).append('\n');
            }
        }
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the measuring JVM ended");
        assertEquals(0, p.exitValue(), out.toString());
        Matcher m = Pattern.compile("tid=(\\d+) bare=(\\d+)").matcher(out);
        assertTrue(m.find(), out.toString());
        long tid = Long.parseLong(m.group(1));
        long bare = Long.parseLong(m.group(2));
        // a readlink's PATH_MAX buffer on the native stack was one more page (4 KiB) a thread, and with
        // NIO's compiled path 24 KiB more: here a thread that read its TID holds what a bare one holds
        assertTrue(tid <= bare + 2, "stack RSS per thread: " + tid + " KiB having read its TID, " + bare + " KiB bare");
    }
}
