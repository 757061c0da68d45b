package org.threadlab.ui;

import java.util.List;
import org.threadlab.sample.ProcessRow;
import org.threadlab.sample.ProcessTable;

/** A made-up machine for the all-processes view: threadlab (pid {@link Fixtures#SELF}) under a shell, with a worker and an exec watchdog. */
final class ProcsFixtures {
    private ProcsFixtures() {}

    static ProcessRow row(long pid, long ppid, String user, char state, int threads, double cpu, long rssKib, String command) {
        return new ProcessRow(pid, ppid, user.equals("root") ? 0 : 1000, user, state, threads, cpu, rssKib * 1024, command, false);
    }

    static ProcessTable table() {
        return new ProcessTable(List.of(
                row(1, 0, "root", 'S', 1, 0.0, 12_000, "/sbin/init splash"),
                new ProcessRow(2, 0, 0, "root", 'S', 1, 0.0, 0, "kthreadd", true),
                new ProcessRow(37, 2, 0, "root", 'I', 1, 0.3, 0, "kworker/0:1-events", true),
                row(800, 1, "root", 'S', 1, 0.0, 7_800, "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"),
                row(900, 800, "teacher", 'S', 1, 0.0, 5_100, "-bash"),
                row(Fixtures.SELF, 900, "teacher", 'S', 27, 2.5, 61 * 1024, "/usr/lib/jvm/java-17/bin/java -XX:+UseSerialGC -jar target/threadlab.jar"),
                row(Fixtures.CHILD, Fixtures.SELF, "teacher", 'R', 4, 99.1, 38 * 1024,
                        "/usr/lib/jvm/java-17/bin/java -cp target/threadlab.jar org.threadlab.worker.child.ChildMain"),
                row(4310, Fixtures.SELF, "teacher", 'S', 2, 0.0, 30 * 1024, "/usr/lib/jvm/java-17/bin/java -cp target/threadlab.jar org.threadlab.worker.child.ExecWatchdog"),
                row(4311, 4310, "teacher", 'R', 1, 100.0, 9_000, "python3 -c while True: pass"),
                row(5000, 900, "teacher", 'S', 1, Double.NaN, 1_000, "sleep 600"),
                row(1234567, 1, "pupil-with-a-long-name", 'Z', 1, 0.0, 0, "defunct")), 1_000_000, null);
    }
}
