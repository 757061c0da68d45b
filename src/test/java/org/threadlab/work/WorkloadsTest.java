package org.threadlab.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkloadsTest {
    @Test
    void fillsDefaults() {
        WorkloadSpec sleep = Workloads.normalize(WorkloadSpec.of("sleep"));
        assertEquals("2s", sleep.params().get("duration"));
        WorkloadSpec cpu = Workloads.normalize(WorkloadSpec.of("cpu").with("units", "2"));
        assertEquals("2.0", cpu.params().get("units"));
        assertTrue(Long.parseLong(cpu.params().get("_unit")) > 0);
        assertEquals("cpu stubborn=false units=2.0", cpu.describe());
        WorkloadSpec pool = Workloads.normalize(WorkloadSpec.of("pool"));
        assertEquals("8", pool.params().get("inputs"));
        assertEquals("thread", pool.params().get("pool"));
    }

    @Test
    void refusesWhatIsWrongNamingTheParameter() {
        assertTrue(msg(WorkloadSpec.of("nap")).contains("unknown workload 'nap'"));
        assertTrue(msg(WorkloadSpec.of("sleep").with("units", "3")).contains("takes no parameter 'units'"));
        assertTrue(msg(WorkloadSpec.of("sleep").with("duration", "0s")).contains("positive"));
        assertTrue(msg(WorkloadSpec.of("sleep").with("duration", "5")).contains("no unit"));
        assertTrue(msg(WorkloadSpec.of("cpu").with("units", "-1")).contains("units"));
        assertTrue(msg(WorkloadSpec.of("cpu").with("units", "lots")).contains("number"));
        assertTrue(msg(WorkloadSpec.of("memory").with("size", "64")).contains("no unit"));
        assertTrue(msg(WorkloadSpec.of("pool").with("workers", "0")).contains("workers must be at least 1, not 0"));
        assertTrue(msg(WorkloadSpec.of("pool").with("pool", "fork")).contains("thread, process"));
    }

    private static String msg(WorkloadSpec spec) {
        return assertThrows(IllegalArgumentException.class, () -> Workloads.normalize(spec)).getMessage();
    }

    /** A context that runs the workload on the calling thread, for direct workload tests. */
    static final class Direct implements WorkContext {
        volatile boolean cancel;
        long done;
        long total;

        @Override public boolean cancelRequested() { return cancel; }
        @Override public void cpuCheckpoint() { }
        @Override public void releaseCpu() { }
        @Override public void sleep(Duration d) throws InterruptedException { Thread.sleep(d.toMillis()); }
        @Override public void progress(long d, long t) { done = d; total = t; }
        @Override public String workerName() { return "direct"; }
    }

    @Test
    void sleepReportsProgressToTheEnd() throws Exception {
        Direct ctx = new Direct();
        String r = Workloads.create(Workloads.parse(WorkloadSpec.of("sleep").with("duration", "250ms")), null).run(ctx);
        assertEquals("slept 250ms", r);
        assertEquals(ctx.total, ctx.done);
        assertEquals(3, ctx.total);
    }

    @Test
    void cpuBurnIsDeterministicAndCancellable() throws Exception {
        WorkloadSpec spec = WorkloadSpec.of("cpu").with("units", "0.05").with("_unit", "2000000");
        Direct a = new Direct();
        String r1 = Workloads.create(Workloads.parse(spec), null).run(a);
        String r2 = Workloads.create(Workloads.parse(spec), null).run(new Direct());
        assertEquals(r1, r2);
        assertEquals(a.total, a.done);
        Direct cancelled = new Direct();
        cancelled.cancel = true;
        assertThrows(InterruptedException.class, () -> Workloads.create(Workloads.parse(spec), null).run(cancelled));
        Direct stubborn = new Direct();
        stubborn.cancel = true;
        String r3 = Workloads.create(Workloads.parse(spec.with("stubborn", "true")), null).run(stubborn);
        assertTrue(r3.startsWith("burned"), r3);
    }

    @Test
    void memoryHoldsForTheGivenTime() throws Exception {
        Direct ctx = new Direct();
        String r = Workloads.create(Workloads.parse(WorkloadSpec.of("memory").with("size", "8MiB").with("hold", "100ms")), null).run(ctx);
        assertTrue(r.startsWith("held 8MiB in 8 blocks"), r);
        assertEquals(8, ctx.done);
    }

    @Test
    void threadPoolMapsInOrder() throws Exception {
        TypedSpec spec = Workloads.parse(WorkloadSpec.of("pool").with("inputs", "6").with("workers", "3")
                .with("task", "sleep").with("cost", "20ms"));
        Direct ctx = new Direct();
        String r = Workloads.create(spec, null).run(ctx);
        assertEquals("mapped x*x over 6 inputs with 3 threads: [0, 1, 4, 9, 16, 25]", r);
        assertEquals(6, ctx.done);
    }

    @Test
    void aPoolBiggerThanItsInputsSaysHowManyWorkersItReallyUsed() throws Exception {
        // one worker per input at most: a pool of 8 over 1 input runs 1 thread, and the result says so
        TypedSpec spec = Workloads.parse(WorkloadSpec.of("pool").with("inputs", "1").with("workers", "8")
                .with("task", "sleep").with("cost", "1ms"));
        String r = Workloads.create(spec, null).run(new Direct());
        assertEquals("mapped x*x over 1 input with 1 thread (a pool of 8, at most one per input): [0]", r);
    }
}
