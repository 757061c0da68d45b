package org.threadlab;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaves a child process of this JVM running: no test may leave an
 * orphan behind. Gives stragglers up to 3 s to go, then kills them so later tests stay clean.
 */
public final class NoChildrenLeft implements AfterAllCallback {
    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        long deadline = System.nanoTime() + 3_000_000_000L;
        List<ProcessHandle> alive = alive();
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            alive = alive();
        }
        if (!alive.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (ProcessHandle p : alive) {
                sb.append(p.pid()).append(' ').append(p.info().commandLine().orElse("?")).append('\n');
                p.destroyForcibly();
            }
            fail(context.getDisplayName() + " left child processes running:\n" + sb);
        }
    }

    private static List<ProcessHandle> alive() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }
}
