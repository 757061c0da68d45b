package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** {@link TaskStat#parse} against a plain split of the same line: every field it gives, on real stat files. */
class TaskStatTest {

    /** The old way (and proc(5)'s): the fields after the last ')', split on spaces; field 3 is the state. */
    private static long field(String line, int number) {
        String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(f[number - 3]);
    }

    @Test
    void everyFieldIsWhatASplitOfTheLineGivesOnThisMachinesThreads() throws Exception {
        File[] tasks = new File("/proc/self/task").listFiles();
        org.junit.jupiter.api.Assumptions.assumeTrue(tasks != null, "no /proc here");
        int checked = 0;
        for (File dir : new File[] {new File("/proc/self"), new File("/proc/1")}) {
            checked += check(dir) ? 1 : 0;
        }
        for (File task : tasks) {
            checked += check(task) ? 1 : 0;
        }
        assertTrue(checked > 3, "stat lines checked: " + checked);
    }

    private static boolean check(File dir) throws Exception {
        byte[] b;
        try {
            b = Files.readAllBytes(new File(dir, "stat").toPath());
        } catch (java.io.IOException e) {
            return false; // ended meanwhile
        }
        String line = new String(b, java.nio.charset.StandardCharsets.UTF_8).trim();
        TaskStat st = TaskStat.parse(b, b.length);
        assertNotNull(st, line);
        assertEquals(line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')), st.name(b));
        assertEquals(line.charAt(line.lastIndexOf(')') + 2), st.state());
        assertEquals(field(line, 4), st.ppid(), line);
        assertEquals(field(line, 14), st.utime(), line);
        assertEquals(field(line, 15), st.stime(), line);
        assertEquals(field(line, 18), st.priority(), line);
        assertEquals(field(line, 19), st.nice(), line);
        assertEquals(field(line, 20), st.numThreads(), line);
        assertEquals(field(line, 22), st.startTime(), line);
        assertEquals(field(line, 23), st.vsize(), line);
        assertEquals(field(line, 24), st.rssPages(), line);
        assertEquals(field(line, 39), st.processor(), line);
        return true;
    }

    @Test
    void negativeFieldsAndATruncatedLine() {
        String line = "7 (x) R 1 7 7 0 -1 0 0 0 0 0 3 4 0 0 -2 -20 1 0 99 4096 -1 "
                + "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n";
        byte[] b = line.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        TaskStat st = TaskStat.parse(b, b.length);
        assertEquals(-2, st.priority());
        assertEquals(-20, st.nice());
        assertEquals(-1, st.rssPages());
        assertEquals(7, st.ticks());
        assertEquals(0, st.processor());
        assertEquals(null, TaskStat.parse(b, line.indexOf("17 0 0")));
    }
}
