package org.threadlab.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.threadlab.lab.SamplerBench;

/** One sampler tick watching an N-thread process, against one refresh of {@code top -b -H -p PID} on it (issue 13: <= 0.5x). */
public final class SamplerTickFigure implements Figure {
    private static final int[] SIZES = {10, 100, 1_000, 10_000};

    @Override
    public String id() {
        return "sampler";
    }

    @Override
    public String summary() {
        return "sampler tick watching a 10/100/1,000/10,000-thread process, against top -b -H -p PID per refresh";
    }

    @Override
    public List<BenchRow> measure(BenchContext context) throws Exception {
        List<BenchRow> rows = new ArrayList<>();
        boolean top = context.references().find("top").isPresent();
        for (int threads : context.quick() ? new int[] {10} : SIZES) {
            context.say("bench sampler: " + threads + " threads…");
            SamplerBench.Result r = SamplerBench.run(threads, context.quick() ? 2 : 20, Duration.ofMillis(context.quick() ? 100 : 200));
            rows.add(BenchRow.ratio("sampler-" + threads, "sampler tick, " + String.format(java.util.Locale.ROOT, "%,d", threads) + "-thread process",
                    Amount.ms(r.meanCpuMs()), "top -b -H -p, per refresh",
                    top && !Double.isNaN(r.topCpuMsPerRefresh()) ? Amount.ms(r.topCpuMsPerRefresh()) : null, 0.5,
                    References.missing("top")));
        }
        return rows;
    }
}
