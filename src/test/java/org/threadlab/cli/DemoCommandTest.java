package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;

@ExtendWith(NoChildrenLeft.class)
class DemoCommandTest {
    @Test
    void sharedStateDemoPrintsEveryLessonAsJson() {
        CliTest.Outcome o = CliTest.exec("demo", "shared-state", "--workers", "2", "--increments", "200000", "--json", "--quiet");
        assertEquals(0, o.code(), o.err());
        String json = o.out();
        assertEquals(11, json.split("\"lesson\":", -1).length - 1, json);
        assertTrue(json.contains("{\"lesson\":\"counter\",\"workers\":\"2 threads\",\"memory\":\"shared\",\"mode\":\"lock\",\"expected\":400000,\"actual\":400000,\"lost\":0"), json);
        assertTrue(json.contains("{\"lesson\":\"counter\",\"workers\":\"2 processes\",\"memory\":\"plain\",\"mode\":\"atomic\",\"expected\":400000,\"actual\":0,"), json);
        assertTrue(json.contains("{\"lesson\":\"counter\",\"workers\":\"2 processes\",\"memory\":\"shared\",\"mode\":\"atomic\",\"expected\":400000,\"actual\":400000,\"lost\":0"), json);
        assertTrue(json.contains("{\"lesson\":\"global list\",\"workers\":\"2 processes\",\"memory\":\"plain\",\"mode\":\"-\",\"expected\":10,\"actual\":0,"), json);
        assertTrue(json.contains("\"lesson\":\"queue\",\"workers\":\"2 processes\",\"memory\":\"shared\",\"mode\":\"-\",\"expected\":200,\"actual\":200"), json);
    }

    @Test
    void anUnknownLessonIsAUsageError() {
        CliTest.Outcome o = CliTest.exec("demo", "locks");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("threadlab: ") && o.err().contains("unknown lesson 'locks'"), o.err());
    }
}
