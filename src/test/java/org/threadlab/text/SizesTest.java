package org.threadlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {
    @Test
    void parsesBinaryUnits() {
        assertEquals(64L << 20, Sizes.parse("64MiB"));
        assertEquals(1L << 30, Sizes.parse("1GiB"));
        assertEquals(512L << 10, Sizes.parse("512KiB"));
        assertEquals(64L << 20, Sizes.parse("64M"));
        assertEquals(100, Sizes.parse("100B"));
        assertEquals(1536L << 20, Sizes.parse("1.5GiB"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "64", "lots", "12 parsecs", "-1MiB", "999999TiB"})
    void refusesBadInput(String bad) {
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse(bad));
    }

    @Test
    void formatsBothWays() {
        assertEquals("64MiB", Sizes.format(64L << 20));
        assertEquals("1.5GiB", Sizes.format(1536L << 20));
        assertEquals("3.1M", Sizes.compact((long) (3.1 * (1 << 20))));
        assertEquals("23G", Sizes.compact(23L << 30));
        assertEquals("n/a", Sizes.compact(-1));
    }
}
