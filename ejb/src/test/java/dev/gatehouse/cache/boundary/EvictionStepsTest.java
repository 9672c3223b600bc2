package dev.gatehouse.cache.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How much the eviction takes: the least recently used entries first, just enough, 10 % under a limit. */
class EvictionStepsTest {

    @Test
    void takesJustEnoughOfTheLeastRecentlyUsed() {
        long[] lru = {30_000, 30_000, 30_000, 30_000, 30_000};
        assertEquals(2, EvictionSteps.entriesToFree(lru, 57_840));
        assertEquals(2, EvictionSteps.entriesToFree(lru, 60_000));
        assertEquals(3, EvictionSteps.entriesToFree(lru, 60_001));
        assertEquals(0, EvictionSteps.entriesToFree(lru, 0));
        assertEquals(5, EvictionSteps.entriesToFree(lru, 1_000_000), "no more than there is");
    }

    @Test
    void stopsTenPercentUnderTheLimit() {
        assertEquals(92_160, EvictionSteps.limitWithRoom(102_400));
        assertEquals(9, EvictionSteps.limitWithRoom(10));
    }
}
