package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The classic sight, on a real external program: CPython with four busy threads, watched with
 * {@code threadlab snapshot}. Together its threads get about one core, because of the GIL.
 */
class PythonGilTest {
    @Test
    void fourBusyPythonThreadsShareOneCore() throws Exception {
        Assumptions.assumeTrue(Jar.isLinux() && Runtime.getRuntime().availableProcessors() >= 2, "needs /proc and 2 cores");
        Path script = Path.of("demos", "busy_threads.py").toAbsolutePath();
        Process python;
        try {
            python = new ProcessBuilder("python3", script.toString(), "8").redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("no python3: " + e.getMessage());
            return;
        }
        try {
            // its four threads have started when /proc lists five tasks: wait for that, with a deadline
            Path tasks = Path.of("/proc", Long.toString(python.pid()), "task");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (taskCount(tasks) < 5) {
                assertTrue(System.nanoTime() < deadline && python.isAlive(), "python's 4 threads did not start: " + taskCount(tasks) + " tasks");
                Thread.sleep(20);
            }
            Process snap = new ProcessBuilder(Jar.command("snapshot", "--pid", Long.toString(python.pid()), "--window", "2s", "--json"))
                    .redirectErrorStream(true).start();
            String json = new String(snap.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(snap.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, snap.exitValue(), json);
            Matcher process = Pattern.compile("\"pid\":" + python.pid() + ",\"ppid\":\\d+,\"name\":\"[^\"]*\",\"role\":\"external\",\"state\":\"\\w\",\"cpu_percent\":([0-9.]+)").matcher(json);
            assertTrue(process.find(), json);
            double cpu = Double.parseDouble(process.group(1));
            // at most one core's worth (100%), give or take the interpreter's own overhead, however idle the machine:
            // four free threads would show near 200%. No lower bound beyond "it ran": a busy machine may give it less.
            assertTrue(cpu > 5 && cpu < 140, "python with 4 busy threads used " + cpu + "% (json: " + json + ")");
            Matcher threads = Pattern.compile("\"tid\":(\\d+)").matcher(json);
            int n = 0;
            while (threads.find()) {
                n++;
            }
            assertEquals(5, n, "main thread + 4 workers: " + json);
            assertTrue(Files.exists(script));
        } finally {
            python.destroyForcibly().waitFor();
        }
    }

    private static long taskCount(Path tasks) {
        try (java.util.stream.Stream<Path> list = Files.list(tasks)) {
            return list.count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
