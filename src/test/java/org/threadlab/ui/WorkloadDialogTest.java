package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.threadlab.work.WorkloadSpec;

class WorkloadDialogTest {
    @Test
    void execIsPrefilledWithAnExampleAndTakesACommandWithSpaces() {
        WorkloadDialog d = new WorkloadDialog();
        d.open(WorkloadSpec.of("sleep"));
        d.cycleType(-1); // sleep is first: back around to the last type, exec
        assertEquals("exec", d.typeName());
        assertEquals("cmd=python3 demos/busy_threads.py 30", d.params);
        d.params = "cmd=/bin/sleep 5";
        WorkloadSpec spec = d.apply();
        assertNull(d.error);
        assertEquals("/bin/sleep 5", spec.params().get("cmd"));
    }

    @Test
    void aWordBeforeAnyNameIsStillAnError() {
        WorkloadDialog d = new WorkloadDialog();
        d.open(WorkloadSpec.of("sleep"));
        d.params = "2s duration=3s";
        assertNull(d.apply());
        assertTrue(d.error.contains("name=value"), d.error);
        d.params = "cmd=no-such-program-x";
        d.cycleType(-1);
        d.params = "cmd=no-such-program-x";
        assertNull(d.apply());
        assertTrue(d.error.contains("no program 'no-such-program-x'"), d.error);
    }
}
