package org.threadlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void numbersInNamesAreCountedNotSpelled() {
        List<String> names = new ArrayList<>(List.of("cpu-10", "cpu-2", "pool-12.10", "cpu-1", "pool-12.2", "sleep-3", "pool-9.1"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("cpu-1", "cpu-2", "cpu-10", "pool-9.1", "pool-12.2", "pool-12.10", "sleep-3"), names);
    }

    @Test
    void longRunsOfDigitsAndLeadingZerosDoNotBreakIt() {
        assertEquals(-1, Integer.signum(NaturalOrder.INSTANCE.compare("x99999999999999999999", "x100000000000000000000")));
        assertNotEquals(0, NaturalOrder.INSTANCE.compare("a01", "a1"), "consistent with equals");
        assertEquals(0, NaturalOrder.INSTANCE.compare("a1", "a1"));
        assertEquals(-1, Integer.signum(NaturalOrder.INSTANCE.compare("a", "a1")));
    }
}
