package org.threadlab.sample;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Every process from a /proc tree: per process {@code stat} (state, parent, flags, ticks, threads,
 * start) and {@code statm} (RSS: stat's own lags it, see DESIGN.md), each tick; {@code cmdline} and
 * the UID from {@code status} only when a process is first seen or its name changed (an exec: a
 * forked child takes its program's name then), so a quiet machine costs two small reads a process.
 * A process that vanishes between the listing and its reads is left out without a word; a PID
 * handed to a new process (another start time) starts afresh. Not thread-safe: the sampler's tick.
 */
public final class ProcLister implements ProcessLister {
    /** PF_KTHREAD in stat's flags: a kernel thread. */
    static final long PF_KTHREAD = 0x00200000L;
    /** The most of a command line kept (htop's default cut is similar); the rest would not fit a row. */
    static final int CMDLINE_MAX = 4096;

    /** What one process was at its previous reading, and what is read only once. */
    private record Seen(long start, long ticks, long nanos, String comm, String command, int uid, String user) {}

    private final String root;
    private final Users users;
    private final LongSupplier clock;
    private final long hz;
    private final long pageSize;
    private Map<Long, Seen> seen = new HashMap<>();
    private final byte[] buf = new byte[CMDLINE_MAX];

    /**
     * @param root   the /proc tree (a fixture directory in tests)
     * @param passwd the password file user names come from
     * @param clock  System::nanoTime, or a test's
     */
    ProcLister(Path root, Path passwd, LongSupplier clock, long hz, long pageSize) {
        this.root = root.toString();
        this.users = new Users(passwd);
        this.clock = clock;
        this.hz = hz;
        this.pageSize = pageSize;
    }

    /** This machine's /proc and /etc/passwd. */
    public static ProcLister system() {
        return new ProcLister(Path.of(Platform.PROC), Path.of("/etc/passwd"), System::nanoTime, SystemConstants.HZ,
                SystemConstants.PAGE_SIZE);
    }

    @Override
    public ProcessTable read() {
        long t0 = System.nanoTime();
        String[] names = new File(root).list();
        if (names == null) {
            return ProcessTable.failed("cannot list " + root);
        }
        Map<Long, Seen> now = new HashMap<>(Math.max(16, names.length * 2));
        List<ProcessRow> rows = new ArrayList<>(names.length);
        for (String name : names) {
            long pid = pid(name);
            if (pid > 0) {
                ProcessRow r = readOne(pid, root + "/" + name + "/", now);
                if (r != null) {
                    rows.add(r);
                }
            }
        }
        seen = now;
        return new ProcessTable(rows, System.nanoTime() - t0, null);
    }

    @Override
    public void close() {
        seen = new HashMap<>();
    }

    /** One process, or null when it vanished (or cannot be read) while being read. */
    private ProcessRow readOne(long pid, String dir, Map<Long, Seen> now) {
        int n = read(dir + "stat");
        if (n <= 0) {
            return null;
        }
        long nanos = clock.getAsLong();
        // the name is between the first '(' and the last ')': it may hold spaces and parentheses
        int open = indexOf((byte) '(', 0, n);
        int close = lastIndexOf((byte) ')', n);
        if (open < 0 || close < open || close + 2 >= n) {
            return null;
        }
        String comm = new String(buf, open + 1, close - open - 1, StandardCharsets.UTF_8);
        // fields from 3 on, after ") "
        long[] f = new long[25];
        char state = (char) buf[close + 2];
        int field = 3;
        int i = close + 3;
        while (i < n && field < 24) {
            while (i < n && buf[i] == ' ') {
                i++;
            }
            field++;
            long v = 0;
            boolean neg = false;
            if (i < n && buf[i] == '-') {
                neg = true;
                i++;
            }
            while (i < n && buf[i] >= '0' && buf[i] <= '9') {
                v = v * 10 + (buf[i] - '0');
                i++;
            }
            while (i < n && buf[i] != ' ' && buf[i] != '\n') {
                i++;
            }
            f[field] = neg ? -v : v;
        }
        if (field < 24) {
            return null;
        }
        long ppid = f[4];
        boolean kernel = (f[9] & PF_KTHREAD) != 0;
        long ticks = f[14] + f[15];
        int threads = (int) f[20];
        long start = f[22];
        long rss = f[24] * pageSize;
        if (!kernel) {
            // statm's resident pages, the second field; stat's lags it (per-thread counters folded in late)
            int m = read(dir + "statm");
            if (m <= 0) {
                return null;
            }
            long resident = field(1, m);
            if (resident >= 0) {
                rss = resident * pageSize;
            }
        }
        Seen prev = seen.get(pid);
        if (prev != null && prev.start != start) {
            prev = null; // the PID was handed to a new process
        }
        String command;
        int uid;
        String user;
        if (prev != null && prev.comm.equals(comm)) {
            command = prev.command;
            uid = prev.uid;
            user = prev.user;
        } else {
            uid = uid(dir + "status");
            if (uid < 0) {
                return null;
            }
            user = users.name(uid);
            command = kernel ? comm : cmdline(dir + "cmdline", comm);
        }
        double cpu = Double.NaN;
        if (prev != null && nanos > prev.nanos) {
            cpu = Math.max(0, ticks - prev.ticks) * 1e9 / hz / (nanos - prev.nanos) * 100;
        }
        now.put(pid, new Seen(start, ticks, nanos, comm, command, uid, user));
        return new ProcessRow(pid, ppid, uid, user, state, threads, cpu, rss, command, kernel);
    }

    /** The command line with its NULs as spaces; the name when it is empty (a zombie's, a kernel thread's). */
    private String cmdline(String path, String comm) {
        int n = read(path);
        while (n > 0 && (buf[n - 1] == 0 || buf[n - 1] == ' ')) {
            n--;
        }
        if (n <= 0) {
            return comm;
        }
        for (int i = 0; i < n; i++) {
            if (buf[i] == 0 || buf[i] == '\n' || buf[i] == '\t') {
                buf[i] = ' ';
            }
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    /** The real UID from status's "Uid:" line; -1 when it cannot be read. */
    private int uid(String path) {
        int n = read(path);
        byte[] key = {'\n', 'U', 'i', 'd', ':'};
        for (int i = 0; i + key.length <= n; i++) {
            boolean match = true;
            for (int k = 0; k < key.length && match; k++) {
                match = buf[i + k] == key[k];
            }
            if (match) {
                int j = i + key.length;
                while (j < n && (buf[j] == '\t' || buf[j] == ' ')) {
                    j++;
                }
                long v = 0;
                int digits = 0;
                while (j < n && buf[j] >= '0' && buf[j] <= '9') {
                    v = v * 10 + (buf[j++] - '0');
                    digits++;
                }
                return digits > 0 ? (int) v : -1;
            }
        }
        return -1;
    }

    /** Field {@code index} (0 first) of a space-separated line in the buffer; -1 when missing. */
    private long field(int index, int n) {
        int i = 0;
        for (int k = 0; k < index; k++) {
            while (i < n && buf[i] != ' ') {
                i++;
            }
            i++;
        }
        if (i >= n) {
            return -1;
        }
        long v = 0;
        int digits = 0;
        while (i < n && buf[i] >= '0' && buf[i] <= '9') {
            v = v * 10 + (buf[i++] - '0');
            digits++;
        }
        return digits > 0 ? v : -1;
    }

    /** Reads a whole small file into the buffer (cut at its size); -1 when it cannot be read (gone). */
    private int read(String path) {
        try (FileInputStream in = new FileInputStream(path)) {
            int n = 0;
            int r;
            while (n < buf.length && (r = in.read(buf, n, buf.length - n)) > 0) {
                n += r;
            }
            return n;
        } catch (IOException e) {
            return -1;
        }
    }

    private int indexOf(byte b, int from, int n) {
        for (int i = from; i < n; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private int lastIndexOf(byte b, int n) {
        for (int i = n - 1; i >= 0; i--) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The PID a /proc entry's name stands for; -1 when it is not a process (self, stat...). */
    static long pid(String name) {
        if (name.isEmpty() || name.length() > 10) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
