package org.threadlab.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkloadsTest {
    @Test
    void fillsDefaults() {
        WorkloadSpec sleep = Workloads.parse(WorkloadSpec.of("sleep")).text();
        assertEquals("2s", sleep.params().get("duration"));
        WorkloadSpec cpu = Workloads.parse(WorkloadSpec.of("cpu").with("units", "2")).text();
        assertEquals("2.0", cpu.params().get("units"));
        assertTrue(Long.parseLong(cpu.params().get("_unit")) > 0);
        assertEquals("cpu stubborn=false units=2.0", cpu.describe());
        WorkloadSpec pool = Workloads.parse(WorkloadSpec.of("pool")).text();
        assertEquals("8", pool.params().get("inputs"));
        assertEquals("thread", pool.params().get("pool"));
    }

    @Test
    void aRoundsLabelSaysOnlyWhatDiffersFromTheDefaults() {
        assertEquals("units=0.5", Workloads.parse(WorkloadSpec.of("cpu").with("units", "0.5")).changed());
        assertEquals("", Workloads.parse(WorkloadSpec.of("cpu").with("units", "1")).changed(), "units=1 is the default");
        assertEquals("", Workloads.parse(WorkloadSpec.of("sleep").with("duration", "2000ms")).changed());
        assertEquals("mode=lock", Workloads.parse(WorkloadSpec.of("counter").with("mode", "lock")).changed());
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
        assertTrue(msg(WorkloadSpec.of("counter").with("group", "a b")).contains("group must be 1 to 32 letters, digits, '-' or '_', not 'a b'"));
        assertTrue(msg(WorkloadSpec.of("counter").with("group", "x".repeat(33))).contains("group must be 1 to 32"));
        assertEquals("my-group_2", Workloads.parse(WorkloadSpec.of("counter").with("group", "my-group_2")).get(CounterWork.GROUP));
        // a number as a user writes it, not Java's float syntax
        for (String javaOnly : new String[] {"1d", "2f", "0x1p3", "1D"}) {
            assertEquals("units must be a number, not '" + javaOnly + "'", msg(WorkloadSpec.of("cpu").with("units", javaOnly)));
        }
        assertEquals(0.5, Workloads.parse(WorkloadSpec.of("cpu").with("units", "5e-1")).get(CpuBurn.UNITS));
        // the range said is the one checked
        assertEquals("g must be 1 to 3 letters, digits, '-' or '_', not 'abcd'", assertThrows(IllegalArgumentException.class,
                () -> Param.name("g", "a", "h").atMost(3).parse("abcd")).getMessage());
    }

    @Test
    void theTextFormRoundTripsExactlyForEveryWorkload() {
        for (WorkloadType t : Workloads.types()) {
            WorkloadSpec given = WorkloadSpec.parse(t.name() + " " + t.example());
            TypedSpec typed = Workloads.parse(given);
            String line = typed.describe();
            WorkloadSpec back = WorkloadSpec.parse(line);
            // what a recording holds (the describe() line) reads back to the same text and the same values
            assertEquals(line, back.describe(), t.name());
            assertEquals(typed.text().describe(), Workloads.parse(back).text().describe(), t.name());
            assertEquals(withoutInternal(typed.values()), withoutInternal(Workloads.parse(back).values()), t.name());
        }
    }

    @Test
    void aChildIsGivenExactlyTheValuesTheParentChecked() {
        // a process worker runs spec.text(): a rounded "2s" for 1.999s, "1m30s" for 1m30.5s or "976.6KiB"
        // for 1000000B would run other values in a process than in a thread
        String[][] cases = {{"sleep", "duration", "1.999s"}, {"sleep", "duration", "1m30.5s"}, {"sleep", "duration", "2h30m15s"},
                {"sleep", "duration", "1.0000001s"}, {"global", "pause", "1.5us"}, {"memory", "size", "1000000B"},
                {"memory", "size", "1.3MiB"}, {"pool", "cost", "250ms"}};
        for (String[] c : cases) {
            TypedSpec typed = Workloads.parse(WorkloadSpec.of(c[0]).with(c[1], c[2]));
            TypedSpec again = Workloads.parseAny(WorkloadSpec.parse(typed.text().describe()));
            assertEquals(typed.values().get(c[1]), again.values().get(c[1]), String.join(" ", c) + " -> " + typed.describe());
        }
        assertEquals("sleep duration=1m30s500ms", Workloads.parse(WorkloadSpec.of("sleep").with("duration", "1m30.5s")).describe());
        assertEquals("sleep duration=1.5s", Workloads.parse(WorkloadSpec.of("sleep").with("duration", "1500ms")).describe(), "short when exact");
        assertEquals("memory size=64MiB", Workloads.parse(WorkloadSpec.of("memory").with("size", "64MiB")).describe(), "short when exact");
    }

    @Test
    void valuesThatWouldNotReadBackAsWrittenAreQuoted() {
        for (String v : new String[] {"python3 -c x=1", "a  b", " lead", "it's", "say \"hi\"", "back\\slash", "", "tab\there"}) {
            WorkloadSpec spec = WorkloadSpec.of("exec").with("cmd", v).with("other", "x=y");
            assertEquals(spec, WorkloadSpec.parse(spec.describe()), spec.describe());
        }
        assertEquals("exec cmd=python3 demos/busy_threads.py 30", WorkloadSpec.parse("exec cmd=python3 demos/busy_threads.py 30").describe(),
                "the plain form stays plain");
        assertEquals("cmd='python3 -c x=1'", WorkloadSpec.of("exec").with("cmd", "python3 -c x=1").describe().substring(5));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkloadSpec.parse("exec cmd='open")).getMessage().contains("not closed"));
    }

    @Test
    void theRegistryFindsEveryDescriptorOnceWithItsParametersHelped() {
        assertEquals(java.util.List.of("sleep", "cpu", "memory", "pool", "counter", "global", "queue", "crash", "exec"), Workloads.TYPES);
        for (WorkloadType t : Workloads.types()) {
            assertTrue(!t.summary().isBlank() && !t.description().contains("\n"), t.name());
            for (Param<?> p : t.params()) {
                assertTrue(p.internal() || !p.help().isBlank(), t.name() + "." + p.name() + " has no help");
                if (p.fallback() != null) {
                    // a default written in a descriptor is a value its own parameter accepts
                    assertEquals(p.fallback(), p.format(p.parse(p.fallback())).replace(".0", ""), t.name() + "." + p.name());
                }
            }
        }
        // the parts other workloads start are known to children, not offered to users
        assertTrue(Workloads.parseAny(WorkloadSpec.of("pool-member").with("task", "sleep")).type() instanceof PoolMap.MemberType);
        assertTrue(msg(WorkloadSpec.of("pool-member")).contains("unknown workload 'pool-member'"));
    }

    @Test
    void aSpecIsReadOnceIntoTypedValues() {
        TypedSpec pool = Workloads.parse(WorkloadSpec.parse("pool inputs=3 workers=2 pool=process task=sleep cost=10ms"));
        assertEquals(3, pool.get(PoolMap.INPUTS));
        assertEquals(Duration.ofMillis(10), pool.get(PoolMap.COST));
        assertEquals(2, pool.type().processesStarted(pool, false), "a process pool starts one process per pool worker");
        TypedSpec memory = Workloads.parse(WorkloadSpec.parse("memory size=8MiB"));
        assertEquals(8L << 20, Workloads.memoryNeeded(memory));
        assertEquals(null, memory.get(MemoryHold.HOLD), "no hold given: held until stopped");
        TypedSpec crash = Workloads.parse(WorkloadSpec.parse("crash how=exit"));
        assertTrue(crash.type().onlyAsProcess(crash).contains("a thread cannot exit"));
        assertEquals(null, crash.type().onlyAsProcess(Workloads.parse(WorkloadSpec.parse("crash how=throw"))));
    }

    private static java.util.Map<String, Object> withoutInternal(java.util.Map<String, Object> values) {
        java.util.Map<String, Object> out = new java.util.TreeMap<>(values);
        out.keySet().removeIf(k -> k.startsWith("_"));
        return out;
    }

    private static String msg(WorkloadSpec spec) {
        return assertThrows(IllegalArgumentException.class, () -> Workloads.parse(spec)).getMessage();
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

    /** Where the context can show progress by the clock (a thread worker), the sleep is one wait, never a slice. */
    @Test
    void whereTheContextCanTheSleepIsOneWaitWithItsProgressByTheClock() throws Exception {
        java.util.List<String> calls = new java.util.ArrayList<>();
        WorkContext ctx = new WorkContext() {
            @Override public boolean cancelRequested() { return false; }
            @Override public void cpuCheckpoint() { }
            @Override public void releaseCpu() { }
            @Override public void progress(long d, long t) { calls.add("progress " + d + "/" + t); }
            @Override public String workerName() { return "one-wait"; }
            @Override public void sleep(Duration d) { calls.add("slice " + d); }
            @Override public boolean sleepShowingProgress(Duration d, long steps) {
                calls.add("one wait " + d + " in " + steps + " steps");
                return true;
            }
        };
        String r = Workloads.create(Workloads.parse(WorkloadSpec.of("sleep").with("duration", "1h")), null).run(ctx);
        assertEquals("slept 3600000ms", r);
        assertEquals(java.util.List.of("progress 0/100", "one wait PT1H in 100 steps", "progress 100/100"), calls);
    }

    /** In slices (a child process), an hour's sleep wakes a hundred times, not 3,600: 10,000 of them woke 10,000 times a second. */
    @Test
    void aLongSleepWakesAHundredTimesNotEverySecond() throws Exception {
        java.util.List<Duration> slices = new java.util.ArrayList<>();
        long[] total = new long[1];
        WorkContext ctx = new WorkContext() {
            @Override public boolean cancelRequested() { return false; }
            @Override public void cpuCheckpoint() { }
            @Override public void releaseCpu() { }
            @Override public void progress(long d, long t) { total[0] = t; }
            @Override public String workerName() { return "slices"; }
            @Override public void sleep(Duration d) throws InterruptedException {
                slices.add(d);
                if (slices.size() == 3) {
                    throw new InterruptedException("enough");
                }
            }
        };
        assertThrows(InterruptedException.class,
                () -> Workloads.create(Workloads.parse(WorkloadSpec.of("sleep").with("duration", "1h")), null).run(ctx));
        assertEquals(100, total[0], "a step a hundredth of the way");
        assertEquals(java.util.List.of(Duration.ofSeconds(36), Duration.ofSeconds(36), Duration.ofSeconds(36)), slices);
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
