package org.threadlab.sample;

import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Harness: one thread's stat + schedstat read through a kept file, three ways, in turns: the sampler's
 * old RandomAccessFile (seek, read), the slice sampler's old FileChannel pread into a ByteBuffer, and the
 * unified ProcFiles.read(Kept) (pread into its array). CPU per pair of reads, back to back and after pauses.
 */
public final class KeptReadCost {
    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long self = ProcessHandle.current().pid();
        String other = ProcFiles.list("/proc/" + self + "/task")[3];
        String dir = "/proc/" + self + "/task/" + other;
        RandomAccessFile rs = new RandomAccessFile(dir + "/stat", "r");
        RandomAccessFile rss = new RandomAccessFile(dir + "/schedstat", "r");
        FileChannel cs = FileChannel.open(Path.of(dir + "/stat"));
        FileChannel css = FileChannel.open(Path.of(dir + "/schedstat"));
        ProcFiles files = new ProcFiles(4);
        ProcFiles.Kept ks = files.keep(dir + "/stat");
        ProcFiles.Kept kss = files.keep(dir + "/schedstat");
        byte[] b = new byte[4096];
        ByteBuffer bb = ByteBuffer.allocate(4096);
        int rounds = Integer.parseInt(args[0]);
        int per = Integer.parseInt(args[1]);
        long pause = Long.parseLong(args[2]);
        double[] sum = new double[4];
        ByteBuffer direct = ByteBuffer.allocateDirect(4096);
        for (int r = -3; r < rounds; r++) {
            for (int k = 0; k < 4; k++) {
                int way = (k + r + 3) % 4;
                if (pause > 0) {
                    Thread.sleep(pause);
                }
                long c0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < per; i++) {
                    if (way == 0) {
                        rs.seek(0); rs.read(b, 0, b.length);
                        rss.seek(0); rss.read(b, 0, b.length);
                    } else if (way == 1) {
                        bb.clear(); cs.read(bb, 0);
                        bb.clear(); css.read(bb, 0);
                    } else if (way == 3) {
                        direct.clear(); int n = cs.read(direct, 0); direct.flip(); direct.get(b, 0, n);
                        direct.clear(); n = css.read(direct, 0); direct.flip(); direct.get(b, 0, n);
                    } else {
                        files.read(ks);
                        files.read(kss);
                    }
                }
                long c1 = mx.getCurrentThreadCpuTime();
                if (r >= 0) {
                    sum[way] += c1 - c0;
                }
            }
        }
        String[] names = {"RandomAccessFile seek+read (old sampler)", "FileChannel pread (old slices)", "ProcFiles.read(Kept) (unified)", "FileChannel pread, direct buffer, copy"};
        for (int w = 0; w < 4; w++) {
            System.out.printf("%-42s %6.2f us per stat+schedstat%n", names[w], sum[w] / rounds / per / 1e3);
        }
    }
}
