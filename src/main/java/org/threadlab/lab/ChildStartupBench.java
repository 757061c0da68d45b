package org.threadlab.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.Workloads;
import org.threadlab.worker.child.ChildCommand;
import org.threadlab.worker.child.LineReader;

/**
 * How long a child worker takes to say hello, against the time an empty JVM main takes to print
 * one line, measured alternately in the same run (a busy machine slows both alike).
 */
public final class ChildStartupBench {
    public record Result(int rounds, double childMedianMs, double emptyMedianMs) {
        public double ratio() {
            return childMedianMs / emptyMedianMs;
        }
    }

    private ChildStartupBench() {}

    public static Result run(int rounds) throws IOException, InterruptedException {
        List<String> child = ChildCommand.build("bench", "sleep-0",
                Workloads.parse(WorkloadSpec.of("sleep").with("duration", "10ms")), 0, false, 0);
        List<String> empty = new ArrayList<>(child.subList(0, child.indexOf("-cp") + 2));
        empty.add(EmptyMain.class.getName());
        double[] c = new double[rounds];
        double[] e = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            e[i] = firstLineMillis(empty);
            c[i] = firstLineMillis(child);
        }
        return new Result(rounds, SamplerBench.median(c), SamplerBench.median(e));
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
