package dev.gatehouse.cache.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CacheRefusalsTest {

    @Test
    void aFloodWritesTenLinesASecondAndThenCountsTheRestWithTheNextLine() {
        CacheRefusals.Budget budget = new CacheRefusals.Budget();
        for (int line = 0; line < CacheRefusals.Budget.LINES_PER_SECOND; line++) {
            assertEquals(0, budget.spend(100), "line " + line + " is written");
        }
        for (int line = 0; line < 1_000; line++) {
            assertEquals(-1, budget.spend(100), "over the budget: not written");
        }
        assertEquals(1_000, budget.spend(101), "the next second's first line tells how many were left out");
        assertEquals(0, budget.spend(101), "and the count starts over");
    }
}
