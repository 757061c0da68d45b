package org.threadlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sampler bench measures compiled ticks, as a screen open for minutes takes them, not a fresh JVM's first few (nor its first second's). */
class SamplerBenchTest {
    @Test
    void theMeasuredTicksComeAfterAJitWarmUpOfHundredsOfTicks() throws Exception {
        SamplerBench.Result r = SamplerBench.run(10, 2, Duration.ofMillis(50), null, 1);
        assertEquals(2, r.ticks());
        assertTrue(r.jitWarmUpTicks() > 10 * SamplerBench.WARM_UP && r.jitWarmUpTicks() <= SamplerBench.JIT_WARM_UP,
                "ticks taken back to back before the measured ones: " + r.jitWarmUpTicks());
        assertEquals(300, SamplerBench.JIT_WARM_UP, "five minutes of a screen at the default 1 s interval");
        // spread over a second at least: JNA, loaded in the background at the first ticks for the process
        // clocks, is in place for most of them (taken back to back, 300 ticks took a fifth of that)
        assertTrue(r.jitWarmUpTook().compareTo(SamplerBench.JIT_WARM_UP_SPREAD) >= 0, "warm-up took " + r.jitWarmUpTook());
        assertTrue(r.jitWarmUpTook().compareTo(SamplerBench.JIT_WARM_UP_LIMIT.plusSeconds(2)) < 0, "warm-up took " + r.jitWarmUpTook());
    }
}
