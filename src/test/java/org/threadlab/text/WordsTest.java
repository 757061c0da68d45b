package org.threadlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** One pluraliser, right for every noun threadlab counts. */
class WordsTest {
    @Test
    void countsTheNounsThreadlabUses() {
        assertEquals("1 thread", Words.count(1, "thread"));
        assertEquals("3 threads", Words.count(3, "thread"));
        assertEquals("3 virtual threads", Words.count(3, "virtual thread"));
        assertEquals("1 process", Words.count(1, "process"));
        assertEquals("2 processes", Words.count(2, "process"));
        assertEquals("0 workers", Words.count(0, "worker"));
        assertEquals("2 days", Words.count(2, "day"));
        assertEquals("inputs", Words.noun(4, "input"));
    }
}
