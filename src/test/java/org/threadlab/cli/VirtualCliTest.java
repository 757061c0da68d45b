package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.threadlab.NoChildrenLeft;

/**
 * `run --as virtual` and compare's virtual row, on a JVM that has virtual threads. Skipped, with
 * the reason, on Java 17 (where {@link CliTest#virtualThreadsNeedJava21} checks the refusal);
 * `.ci/run` runs them (tag "jdk21") on a newer JDK when the machine has one.
 */
@Tag("jdk21")
@EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "virtual threads need Java 21 or newer")
@ExtendWith(NoChildrenLeft.class)
class VirtualCliTest {

    @Test
    void runAsVirtualStartsJoinsAndReportsVirtualWorkers() {
        CliTest.Outcome text = CliTest.exec("run", "sleep", "--as", "virtual", "--count", "3", "--duration", "200ms");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("started virtual sleep-1"), text.out());
        assertTrue(text.out().contains("sleep-3 finished after"), text.out());
        assertTrue(text.out().contains("joined sleep-3 after"), text.out());

        CliTest.Outcome json = CliTest.exec("run", "cpu", "--as", "virtual", "--count", "2", "--units", "0.05", "--json");
        assertEquals(0, json.code(), json.err());
        String j = json.out().trim();
        assertEquals(2, j.split("\"kind\":\"virtual\",\"pid\"", -1).length - 1, j);
        assertEquals(2, j.split("\"state\":\"finished\"", -1).length - 1, j);
    }

    @Test
    void compareHasAVirtualRowWhoseSleepersOverlap() {
        CliTest.Outcome o = CliTest.exec("compare", "--workload", "sleep", "--workers", "4", "--duration", "500ms", "--json", "--quiet");
        assertEquals(0, o.code(), o.err());
        String json = o.out().trim();
        Matcher sequential = row("sequential").matcher(json);
        Matcher virtual = row("virtual").matcher(json);
        assertTrue(sequential.find(), json);
        assertTrue(virtual.find(), "a virtual row: " + json);
        assertEquals("virtual", virtual.group(1), json);
        assertEquals("4", virtual.group(2), json);
        // four 0.5 s waits on four virtual threads overlap: they end well before 2 s, which no one-after-the-other run can do
        // (a busy machine delays them by a fraction of that; the sequential run takes its 2 s at least)
        double seq = Double.parseDouble(sequential.group(3));
        double virt = Double.parseDouble(virtual.group(3));
        assertTrue(seq >= 1.98, "sequential " + seq);
        assertTrue(virt < 1.9, "virtual " + virt + " s: the waits did not overlap (sequential " + seq + " s)");
    }

    private static Pattern row(String mode) {
        return Pattern.compile("\\{\"workload\":\"sleep\",\"mode\":\"" + mode + "\",\"kind\":\"(\\w+)\",\"workers\":(\\d+),"
                + "\"gil\":false,\"wall_s\":([0-9.]+)");
    }
}
