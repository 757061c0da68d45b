package org.threadlab.work;

import java.util.List;

/**
 * Pure-Java CPU work: an xorshift mix over a counter, in slices of about 0.1 ms. The checksum of
 * every slice feeds the next and ends up in the result, so the JIT cannot remove the loop.
 *
 * <p>Parameters: {@code units} (default 1; fractions allowed), {@code stubborn=true} to ignore
 * cooperative cancellation (a thread cannot be killed: this shows it), and the calibrated
 * {@code _unit} (iterations per unit; about one second of one core, see {@link CpuCalibration}).
 */
public final class CpuBurn implements Workload {
    public static final Param<Double> UNITS = Param.units("units", "1", 100_000, "units of about 1s of one core, calibrated once per machine");
    public static final Param<Boolean> STUBBORN = Param.flag("stubborn", "ignore stop requests (and, in a process, SIGTERM)");
    /** Iterations of this machine's unit, measured in the parent and handed to children. */
    public static final Param<Long> UNIT = Param.internalLong("_unit");

    /** Slices per unit: about 0.1 ms each, so the GIL's 5 ms switch interval is honoured closely. */
    static final int SLICES_PER_UNIT = 10_000;
    /** Progress is reported in hundredths of a unit. */
    private static final int SLICES_PER_STEP = SLICES_PER_UNIT / 100;

    private final double units;
    private final long iterationsPerUnit;
    private final boolean stubborn;

    public CpuBurn(double units, long iterationsPerUnit, boolean stubborn) {
        this.units = units;
        this.iterationsPerUnit = iterationsPerUnit;
        this.stubborn = stubborn;
    }

    @Override
    public String run(WorkContext ctx) throws InterruptedException {
        long sliceIterations = Math.max(1, iterationsPerUnit / SLICES_PER_UNIT);
        long slices = Math.max(1, Math.round(units * SLICES_PER_UNIT));
        long totalSteps = (slices + SLICES_PER_STEP - 1) / SLICES_PER_STEP;
        long checksum = 0x9E3779B97F4A7C15L;
        ctx.progress(0, totalSteps);
        try {
            for (long s = 0; s < slices; s++) {
                if (!stubborn) {
                    ctx.checkCancelled();
                }
                ctx.cpuCheckpoint();
                checksum = burn(sliceIterations, checksum);
                if ((s + 1) % SLICES_PER_STEP == 0) {
                    ctx.progress((s + 1) / SLICES_PER_STEP, totalSteps);
                }
            }
        } finally {
            ctx.releaseCpu();
        }
        ctx.progress(totalSteps, totalSteps);
        return "burned " + units + " cpu units (checksum " + Long.toHexString(checksum) + ")";
    }

    /** The arithmetic itself. Static and small so the JIT compiles it early, in children too. */
    static long burn(long iterations, long seed) {
        long x = seed;
        for (long i = 0; i < iterations; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            x += i;
        }
        return x;
    }

    /** The {@code cpu} workload's descriptor. */
    public static final class Type extends WorkloadType {
        @Override public String name() { return "cpu"; }
        @Override public String summary() { return "burns CPU"; }
        @Override public String shows() { return "CPU-bound work; stubborn ignores stop requests (and, in a process, SIGTERM)"; }
        @Override public List<Param<?>> params() { return List.of(UNITS, STUBBORN, UNIT); }
        @Override public boolean ignoresStop(TypedSpec spec) { return spec.get(STUBBORN); }

        @Override
        protected Object computedDefault(Param<?> param, java.util.Map<String, Object> values) {
            return param == UNIT ? CpuCalibration.iterationsPerUnit() : super.computedDefault(param, values);
        }

        @Override
        public Workload create(TypedSpec spec, PoolMember.Launcher launcher, boolean inChildProcess) {
            return new CpuBurn(spec.get(UNITS), spec.get(UNIT), spec.get(STUBBORN));
        }
    }
}
