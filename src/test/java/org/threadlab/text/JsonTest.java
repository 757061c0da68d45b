package org.threadlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesNestedValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", 2);
        m.put("ok", true);
        m.put("name", "a \"q\"\n");
        m.put("util", 0.72);
        m.put("whole", 2.0);
        m.put("none", null);
        m.put("nan", Double.NaN);
        m.put("rows", List.of(1, 2));
        assertEquals("{\"cores\":2,\"ok\":true,\"name\":\"a \\\"q\\\"\\n\",\"util\":0.72,\"whole\":2.0,"
                + "\"none\":null,\"nan\":null,\"rows\":[1,2]}", Json.write(m));
    }

    @Test
    void neverWritesExponents() {
        assertEquals("0.0000123457", Json.write(0.0000123456789));
        assertEquals("123457000.0", Json.write(123456789.0));
    }
}
