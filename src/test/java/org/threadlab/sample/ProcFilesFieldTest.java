package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@link ProcFiles#field} and {@link ProcFiles#lastField} against a plain split of each line of real files. */
class ProcFilesFieldTest {

    @Test
    void everyKeyOfStatusAndMeminfoGivesTheNumberASplitGives() throws Exception {
        int checked = 0;
        for (String file : new String[] {"/proc/self/status", "/proc/meminfo", "/proc/self/task/" + tid() + "/status"}) {
            Path p = Path.of(file);
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(p), "no " + file);
            byte[] b = Files.readAllBytes(p);
            ProcFiles f = new ProcFiles();
            f.load(b);
            for (String line : new String(b, StandardCharsets.ISO_8859_1).split("\n")) {
                int colon = line.indexOf(':');
                String key = line.substring(0, colon + 1);
                // the digits that start the value ("0xff" gives 0, as the parser reads it), else -1
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[ \t]*([0-9]+)").matcher(line.substring(colon + 1));
                long expected = m.find() ? Long.parseLong(m.group(1)) : -1;
                assertEquals(expected, f.field(key), file + ": " + line);
                assertEquals(expected, f.lastField(key), file + ": " + line);
                checked++;
            }
        }
        assertTrue(checked > 60, "lines checked: " + checked);
    }

    @Test
    void aKeyThatEndsAnotherIsFoundOnlyAtALineStart() {
        ProcFiles f = new ProcFiles();
        f.load("Name:\tx\nnonvoluntary_ctxt_switches:\t7\nvoluntary_ctxt_switches:\t42\nlast:\t9".getBytes(StandardCharsets.US_ASCII));
        assertEquals(42, f.field("voluntary_ctxt_switches:"));
        assertEquals(42, f.lastField("voluntary_ctxt_switches:"));
        assertEquals(7, f.field("nonvoluntary_ctxt_switches:"));
        assertEquals(7, f.lastField("nonvoluntary_ctxt_switches:"));
        assertEquals(9, f.lastField("last:"), "the last line, without a newline");
        assertEquals(-1, f.field("Name:"), "not a number");
        assertEquals(-1, f.lastField("missing:"));
        assertEquals(-1, f.field("missing:"));
    }

    private static long tid() throws Exception {
        // this thread's TID: the name of the /proc/thread-self link's target
        return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
    }
}
