package org.threadlab.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.threadlab.text.Stats;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.Workloads;
import org.threadlab.worker.child.ChildCommand;
import org.threadlab.worker.child.ChildJvm;
import org.threadlab.worker.child.LineReader;

/**
 * How long a child worker takes to say hello, against the time an empty JVM main takes to print
 * one line, measured alternately in the same run (a busy machine slows both alike). The empty main
 * starts the way children did before {@link ChildJvm}: threadlab's full class path, no archive; the
 * child as process workers start now (thin jar and archive when threadlab runs from its jar).
 */
public final class ChildStartupBench {
    /** @param childSetup what the children started with (ChildJvm.Setup#describe) */
    public record Result(int rounds, double childMedianMs, double emptyMedianMs, String childSetup) {
        public double ratio() {
            return childMedianMs / emptyMedianMs;
        }
    }

    private ChildStartupBench() {}

    public static Result run(int rounds) throws IOException, InterruptedException {
        // a warm start is what is measured: the thin jar and archive are made once per jar and java
        ChildJvm.forThisJvm().prepare(180_000);
        String setup = ChildJvm.forThisJvm().setup().describe();
        List<String> child = ChildCommand.build("bench", "sleep-0",
                Workloads.parse(WorkloadSpec.of("sleep").with("duration", "10ms")), 0, false, 0);
        List<String> empty = new ArrayList<>(child.subList(0, 2));
        empty.addAll(ChildCommand.FIXED_FLAGS);
        empty.add("-cp");
        empty.add(System.getProperty("java.class.path"));
        empty.add(EmptyMain.class.getName());
        double[] c = new double[rounds];
        double[] e = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            e[i] = firstLineMillis(empty);
            c[i] = firstLineMillis(child);
        }
        return new Result(rounds, Stats.median(c), Stats.median(e), setup);
    }

    /** Milliseconds from start() to the first line on the process's stdout. */
    private static double firstLineMillis(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String line = new LineReader(p.getInputStream()).readLine();
            if (line == null) {
                throw new IOException("no output from " + command.get(command.size() - 1));
            }
            return (System.nanoTime() - start) / 1e6;
        } finally {
            p.getOutputStream().close();
            p.destroyForcibly();
            p.waitFor();
        }
    }
}
