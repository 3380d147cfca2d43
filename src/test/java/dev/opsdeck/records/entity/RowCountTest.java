package dev.opsdeck.records.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RowCountTest {

    @Test
    void exactCountsAreWrittenOutAndEstimatesRounded() {
        assertEquals("9,548", new RowCount(9_548, true).describe());
        assertEquals("about 1.0M", new RowCount(1_000_480, false).describe());
        assertEquals("about 2.9M", new RowCount(2_940_000, false).describe());
        assertEquals("about 30k", new RowCount(29_700, false).describe());
    }
}
