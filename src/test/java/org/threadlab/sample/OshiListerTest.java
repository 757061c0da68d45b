package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every process through OSHI: the all-processes view's rows for {@code --source oshi}. */
class OshiListerTest {
    private static ProcessRow row(ProcessTable t, long pid) {
        return t.rows().stream().filter(r -> r.pid() == pid).findFirst().orElse(null);
    }

    @Test
    void aTestOwnedSleepShowsWithItsCommandLineUserAndStateAndCpuFromTheSecondRead() throws Exception {
        ProcessLister lister = Platform.of(DataSource.OSHI).processLister();
        assertNotNull(lister, "OSHI lists processes itself");
        Process sleep = new ProcessBuilder("sleep", "31").start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            ProcessRow r;
            ProcessTable t;
            do {
                // until it has exec'd sleep (a fork of this JVM first) and sleeps
                t = lister.read();
                r = row(t, sleep.pid());
            } while ((r == null || !r.command().equals("sleep 31") || r.state() != 'S') && System.nanoTime() < deadline);
            assertNull(t.error(), t.error());
            assertNotNull(r, "the sleep is listed");
            assertEquals("sleep 31", r.command());
            assertEquals('S', r.state());
            assertEquals(1, r.threads());
            assertEquals(ProcessHandle.current().pid(), r.ppid());
            assertEquals(System.getProperty("user.name"), r.user());
            assertTrue(r.rss() > 0);
            assertFalse(r.kernel());
            assertTrue(t.costNanos() > 0);
            ProcessRow self = row(t, ProcessHandle.current().pid());
            assertNotNull(self, "threadlab's own JVM too");
            assertTrue(self.threads() > 5 && self.command().contains("java"), self.toString());
            assertTrue(t.rows().size() > 3, "every process, not only ours: " + t.rows().size());
            ProcessRow again = row(lister.read(), sleep.pid());
            assertEquals(0, again.cpu(), 0.0, "a CPU% from the second read on: a sleep uses none");
            lister.close();
            assertTrue(Double.isNaN(row(lister.read(), sleep.pid()).cpu()), "closed, it kept nothing: the first read again");
        } finally {
            sleep.destroyForcibly().waitFor();
        }
        if (Files.isReadable(Path.of("/proc/2/comm")) && "kthreadd".equals(Files.readString(Path.of("/proc/2/comm")).strip())) {
            ProcessRow kthreadd = row(lister.read(), 2);
            assertTrue(kthreadd.kernel() && kthreadd.command().equals("kthreadd"), kthreadd.toString());
        }
    }

    @Test
    void procLeavesTheListerToTheSampler() {
        if (Platform.PROC_AVAILABLE) {
            assertNull(Platform.of(DataSource.PROC).processLister());
        }
        assertEquals(-1, OshiLister.uid("S-1-5-18"));
        assertEquals(1000, OshiLister.uid("1000"));
    }
}
