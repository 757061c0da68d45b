package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.Platform;
import org.threadlab.sample.Sampler;
import org.threadlab.sample.ThreadSample;

/**
 * Context switches on demand through the hub: the screen asks for the selected thread's, and then
 * only that thread's are read (everyone else's -1); a recording pins every thread's, and the screen's
 * later asks change nothing. On this JVM's own threads.
 */
class ModelHubSwitchesTest {

    private static long ownTid() throws Exception {
        // "/proc/thread-self" -> "PID/task/TID"
        String link = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
        return Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
    }

    private static List<ThreadSample> ownThreads(Snapshot s) {
        return s.process(s.selfPid()).orElseThrow().threads();
    }

    @Test
    void onlyTheAskedThreadsSwitchesAreReadUntilARecordingPinsThemAll() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs /proc");
        long me = ownTid();
        try (ModelHub hub = ModelHub.manual(new Sampler(Platform.system(), Duration.ofSeconds(1)), null)) {
            hub.sampleNow();
            hub.showSwitchesOf(Set.of(me));
            hub.sampleNow();
            Snapshot s = hub.sampleNow();
            for (ThreadSample t : ownThreads(s)) {
                if (t.tid() == me) {
                    assertTrue(t.voluntarySwitches() >= 0 && t.involuntarySwitches() >= 0, "asked for (it runs this test): read " + t);
                } else {
                    assertEquals(-1, t.voluntarySwitches(), "not asked for: unknown " + t);
                }
            }

            hub.keepEverySwitch();
            hub.showSwitchesOf(Set.of()); // a later ask of the screen: ignored once pinned
            for (int i = 0; i < 3; i++) {
                s = hub.sampleNow();
            }
            long others = ownThreads(s).stream().filter(t -> t.tid() != me && t.voluntarySwitches() >= 0).count();
            assertTrue(others > 0, "pinned: other threads' switches are read again " + ownThreads(s));
            assertTrue(ownThreads(s).stream().filter(t -> t.tid() == me).allMatch(t -> t.voluntarySwitches() >= 0));
        }
    }
}
