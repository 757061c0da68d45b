package org.threadlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sampler bench measures compiled ticks, as a screen open for minutes takes them, not a fresh JVM's first few. */
class SamplerBenchTest {
    @Test
    void theMeasuredTicksComeAfterAJitWarmUpOfHundredsOfTicks() throws Exception {
        SamplerBench.Result r = SamplerBench.run(10, 2, Duration.ofMillis(50), null, 1);
        assertEquals(2, r.ticks());
        assertTrue(r.jitWarmUpTicks() > 10 * SamplerBench.WARM_UP && r.jitWarmUpTicks() <= SamplerBench.JIT_WARM_UP,
                "ticks taken back to back before the measured ones: " + r.jitWarmUpTicks());
        assertEquals(300, SamplerBench.JIT_WARM_UP, "five minutes of a screen at the default 1 s interval");
    }
}
