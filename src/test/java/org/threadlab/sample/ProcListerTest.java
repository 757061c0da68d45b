package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list of every process read from a made-up /proc tree (src/test/resources/proc-table). */
class ProcListerTest {
    private static final long HZ = 100;
    private static final long PAGE = 4096;

    @TempDir
    Path tmp;
    private Path proc;
    private Path passwd;
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @BeforeEach
    void copyFixture() throws IOException {
        Path from = Path.of("src/test/resources/proc-table");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path to = tmp.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        proc = tmp.resolve("proc");
        passwd = tmp.resolve("passwd");
    }

    private ProcLister lister() {
        return new ProcLister(proc, passwd, clock::get, HZ, PAGE);
    }

    private static Map<Long, ProcessRow> byPid(ProcessTable t) {
        assertNull(t.error());
        return t.rows().stream().collect(Collectors.toMap(ProcessRow::pid, Function.identity()));
    }

    @Test
    void readsEveryProcessWithItsFields() {
        Map<Long, ProcessRow> rows = byPid(lister().read());
        assertEquals(Map.of(1L, 0L, 2L, 0L, 37L, 2L, 4242L, 1L, 4301L, 4242L, 4400L, 1L, 4500L, 4242L),
                rows.values().stream().collect(Collectors.toMap(ProcessRow::pid, ProcessRow::ppid)));
        ProcessRow self = rows.get(4242L);
        assertEquals("teacher", self.user());
        assertEquals(1000, self.uid());
        assertEquals('S', self.state());
        assertEquals(27, self.threads());
        // statm's resident pages, not stat's (which lags)
        assertEquals(15600 * PAGE, self.rss());
        assertEquals("/usr/lib/jvm/java-17/bin/java -jar threadlab.jar", self.command());
        assertFalse(self.kernel());
        assertEquals("root", rows.get(1L).user());
        assertEquals('R', rows.get(4301L).state());
        // the first reading has nothing to compare with
        assertTrue(Double.isNaN(self.cpu()));
    }

    @Test
    void kernelThreadsAsHtopShowsThemByName() {
        Map<Long, ProcessRow> rows = byPid(lister().read());
        ProcessRow kworker = rows.get(37L);
        assertTrue(kworker.kernel());
        assertEquals("kworker/0:1-events", kworker.command());
        assertEquals('I', kworker.state());
        assertTrue(rows.get(2L).kernel());
        assertFalse(rows.get(1L).kernel());
    }

    @Test
    void aNameWithSpacesAndParenthesesAndAnUnknownUser() {
        Map<Long, ProcessRow> rows = byPid(lister().read());
        ProcessRow odd = rows.get(4400L);
        assertEquals("4321", odd.user());
        assertEquals("(sd-pam)", odd.command());
        assertEquals(210 * PAGE, odd.rss());
        // a zombie has no command line: its name, as htop
        assertEquals("defunct", rows.get(4500L).command());
        assertEquals('Z', rows.get(4500L).state());
    }

    @Test
    void aProcessThatVanishesMidReadIsLeftOut() throws IOException {
        Files.createDirectories(proc.resolve("4600")); // listed, its files already gone
        Files.createDirectories(proc.resolve("4700"));
        Files.writeString(proc.resolve("4700/stat"), "4700 (gone) S 1 1 1 0 -1 0 0 0 0 0 1 1 0 0 20 0 1 0 9000 1 1\n");
        // no statm, no status: it ended between its stat and the rest
        ProcessTable t = lister().read();
        assertNull(t.error());
        assertEquals(7, t.rows().size());
        assertTrue(t.rows().stream().noneMatch(r -> r.pid() == 4600 || r.pid() == 4700));
    }

    @Test
    void cpuOverTheIntervalFromTicks() throws IOException {
        ProcLister l = lister();
        l.read();
        // 1 s later, 4301 used 80 more ticks (0.8 s of a core), 4242 none
        clock.addAndGet(1_000_000_000L);
        rewriteTicks(4301, 460, 20);
        Map<Long, ProcessRow> rows = byPid(l.read());
        assertEquals(80.0, rows.get(4301L).cpu(), 1e-9);
        assertEquals(0.0, rows.get(4242L).cpu(), 1e-9);
        // 4 threads busy for 0.5 s: 200 ticks, 400%, as htop counts
        clock.addAndGet(500_000_000L);
        rewriteTicks(4301, 560, 120);
        assertEquals(400.0, byPid(l.read()).get(4301L).cpu(), 1e-9);
    }

    @Test
    void aPidHandedToANewProcessStartsAfresh() throws IOException {
        ProcLister l = lister();
        l.read();
        clock.addAndGet(1_000_000_000L);
        // the same PID, another start time, another program
        Path dir = proc.resolve("4301");
        Files.writeString(dir.resolve("stat"), Files.readString(dir.resolve("stat")).replace("(java)", "(sleep)")
                .replace(" 6000 ", " 6500 "));
        Files.writeString(dir.resolve("cmdline"), "sleep\0" + "600\0");
        ProcessRow r = byPid(l.read()).get(4301L);
        assertTrue(Double.isNaN(r.cpu()));
        assertEquals("sleep 600", r.command());
    }

    @Test
    void anExecIsSeenByItsNewName() throws IOException {
        ProcLister l = lister();
        l.read();
        // a forked child keeps its start time; exec gives it a new name and command line
        Path dir = proc.resolve("4301");
        Files.writeString(dir.resolve("stat"), Files.readString(dir.resolve("stat")).replace("(java)", "(python3)"));
        Files.writeString(dir.resolve("cmdline"), "python3\0-c\0pass\0");
        assertEquals("python3 -c pass", byPid(l.read()).get(4301L).command());
    }

    @Test
    void usersAreReadAgainOnlyWhenThePasswordFileChanged() throws IOException {
        ProcLister l = lister();
        assertEquals("4321", byPid(l.read()).get(4400L).user());
        Files.writeString(passwd, Files.readString(passwd) + "pupil:x:4321:4321::/home/pupil:/bin/sh\n");
        Files.setLastModifiedTime(passwd, FileTime.fromMillis(Files.getLastModifiedTime(passwd).toMillis() + 5000));
        // a new process of that user: its name is looked up again
        Path dir = proc.resolve("4400");
        Files.writeString(dir.resolve("stat"), Files.readString(dir.resolve("stat")).replace(" 7000 ", " 7100 "));
        assertEquals("pupil", byPid(l.read()).get(4400L).user());
    }

    @Test
    void closeForgetsThePreviousReading() throws IOException {
        ProcLister l = lister();
        l.read();
        l.close();
        clock.addAndGet(1_000_000_000L);
        rewriteTicks(4301, 460, 20);
        assertTrue(Double.isNaN(byPid(l.read()).get(4301L).cpu()));
    }

    @Test
    void aMissingTreeSaysSo() {
        ProcessTable t = new ProcLister(tmp.resolve("nothing"), passwd, clock::get, HZ, PAGE).read();
        assertEquals("cannot list " + tmp.resolve("nothing"), t.error());
        assertTrue(t.rows().isEmpty());
    }

    @Test
    void liveProcTableHasThisJvm() {
        ProcessRow self = byPid(ProcLister.system().read()).get(ProcessHandle.current().pid());
        assertTrue(self.threads() > 1);
        assertTrue(self.rss() > 0);
        assertTrue(self.command().contains("java"), self.command());
        assertEquals(System.getProperty("user.name"), self.user());
    }

    @Test
    void liveCpuAgreesWithTheKernelsOwnAccountingOverTheSameWindow() throws InterruptedException {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long self = ProcessHandle.current().pid();
        ProcLister l = ProcLister.system();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        l.read();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread busy = new Thread(() -> {
            long x = 0;
            while (!stop.get()) {
                x += System.nanoTime() % 7;
            }
            if (x == 42) {
                System.out.print("");
            }
        });
        busy.start();
        Thread.sleep(1500);
        stop.set(true);
        busy.join();
        double cpu = byPid(l.read()).get(self).cpu();
        double kernel = (os.getProcessCpuTime() - cpu0) * 100.0 / (System.nanoTime() - t0);
        // ticks of 10 ms over 1.5 s, read at both ends: within a few points of the kernel's nanoseconds
        assertTrue(Math.abs(cpu - kernel) < 5, "lister " + cpu + "% kernel " + kernel + "%");
        assertTrue(cpu > 10, "a busy thread for the whole window: " + cpu + "%");
    }

    private void rewriteTicks(long pid, long utime, long stime) throws IOException {
        Path stat = proc.resolve(pid + "/stat");
        String[] f = Files.readString(stat).trim().split(" ");
        f[13] = Long.toString(utime);
        f[14] = Long.toString(stime);
        Files.writeString(stat, String.join(" ", f) + "\n");
    }
}
