package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;

/** OSHI's list of every process against /proc's, read back to back on this machine. */
class OshiListerTest {
    private static Map<Long, ProcessRow> byPid(ProcessTable t) {
        assertEquals(null, t.error());
        return t.rows().stream().collect(Collectors.toMap(ProcessRow::pid, Function.identity(), (a, b) -> a));
    }

    @Test
    void theSameProcessesAsProc() {
        Assumptions.assumeTrue(Platform.PROC_AVAILABLE, "needs /proc to compare with");
        OshiLister oshi = new OshiLister(new SystemInfo().getOperatingSystem());
        ProcLister proc = ProcLister.system();
        Map<Long, ProcessRow> a = byPid(proc.read());
        Map<Long, ProcessRow> b = byPid(oshi.read());
        long both = a.keySet().stream().filter(b::containsKey).count();
        assertTrue(both >= 0.9 * a.size(), both + " of " + a.size() + " in both");
        for (long pid : new long[] {1, ProcessHandle.current().pid()}) {
            ProcessRow p = a.get(pid);
            ProcessRow o = b.get(pid);
            assertEquals(p.ppid(), o.ppid(), "ppid of " + pid);
            assertEquals(p.uid(), o.uid(), "uid of " + pid);
            assertEquals(p.user(), o.user(), "user of " + pid);
            assertEquals(p.command(), o.command(), "command of " + pid);
            assertFalse(o.kernel());
        }
        ProcessRow init = a.get(1L);
        assertEquals(init.rss(), b.get(1L).rss(), init.rss() * 0.02, "RSS of pid 1 within 2 %");
        assertTrue(Double.isNaN(b.get(1L).cpu()), "no CPU% at the first reading");
        ProcessRow again = byPid(oshi.read()).get(ProcessHandle.current().pid());
        assertFalse(Double.isNaN(again.cpu()), "a CPU% at the second");
        // kernel threads, where OSHI lists them (kthreadd's children)
        a.values().stream().filter(ProcessRow::kernel).filter(r -> r.ppid() == 2 && b.containsKey(r.pid())).limit(3)
                .forEach(r -> assertTrue(b.get(r.pid()).kernel(), "kernel thread " + r.pid() + " " + b.get(r.pid())));
    }

    @Test
    void statesAsTheKernelWritesThem() {
        assertEquals('R', OshiLister.state(OSProcess.State.RUNNING));
        assertEquals('Z', OshiLister.state(OSProcess.State.ZOMBIE));
        assertEquals('D', OshiLister.state(OSProcess.State.WAITING));
        assertEquals(0, OshiLister.state(OSProcess.State.INVALID));
    }
}
