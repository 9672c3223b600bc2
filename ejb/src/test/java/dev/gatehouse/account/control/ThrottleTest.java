package dev.gatehouse.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.common.GridMap;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    private static final Duration MAX = Duration.ofMinutes(5);
    private static final Duration FORGET = Duration.ofMinutes(15);
    private final Throttle throttle = new Throttle(GridMap.inMemory(1_000), 3, MAX, FORGET);
    private final Instant start = Instant.parse("2026-11-27T12:00:00Z");

    private void fail(String key, int times, Instant at) {
        for (int i = 0; i < times; i++) {
            throttle.failed(key, at);
        }
    }

    @Test
    void theFirstFailuresCostNothing() {
        fail("ada", 2, start);
        assertEquals(Duration.ZERO, throttle.waitBefore("ada", start));
    }

    @Test
    void eachFurtherFailureDoublesTheWait() {
        fail("ada", 3, start);
        assertEquals(Duration.ofSeconds(1), throttle.waitBefore("ada", start));
        fail("ada", 1, start);
        assertEquals(Duration.ofSeconds(2), throttle.waitBefore("ada", start));
        fail("ada", 1, start);
        assertEquals(Duration.ofSeconds(4), throttle.waitBefore("ada", start));
        assertEquals(Duration.ofSeconds(1), throttle.waitBefore("ada", start.plusSeconds(3)));
        assertEquals(Duration.ZERO, throttle.waitBefore("ada", start.plusSeconds(4)));
    }

    @Test
    void failuresCountedByTwoNodesAtOnceAreAllCounted() throws Exception {
        GridMap shared = GridMap.inMemory(1_000);
        Throttle nodeA = new Throttle(shared, 3, MAX, FORGET);
        Throttle nodeB = new Throttle(shared, 3, MAX, FORGET);
        Thread a = new Thread(() -> { for (int i = 0; i < 500; i++) nodeA.failed("ada", start); });
        a.start();
        for (int i = 0; i < 500; i++) {
            nodeB.failed("ada", start);
        }
        a.join();
        assertEquals(MAX, nodeA.waitBefore("ada", start));
        assertEquals(1_000L, shared.get(Throttle.digest("ada")) >>> 42, "no failure lost");
    }

    @Test
    void theWaitIsCapped() {
        fail("ada", 40, start);
        assertEquals(MAX, throttle.waitBefore("ada", start));
    }

    @Test
    void otherKeysAreUnaffectedAndSuccessClears() {
        fail("ada", 10, start);
        assertEquals(Duration.ZERO, throttle.waitBefore("grace", start));
        throttle.succeeded("ada");
        assertEquals(Duration.ZERO, throttle.waitBefore("ada", start));
    }

    @Test
    void oldFailuresAreForgotten() {
        fail("ada", 10, start);
        Instant later = start.plus(FORGET).plusSeconds(1);
        assertEquals(Duration.ZERO, throttle.waitBefore("ada", later));
        throttle.failed("ada", later);
        assertEquals(Duration.ZERO, throttle.waitBefore("ada", later), "counting starts over");
    }

    @Test
    void item5_memoryStaysBoundedWhateverTheKeys() {
        String huge = "x".repeat(2_000_000);
        for (int i = 0; i < 20_000; i++) {
            throttle.failed(i + huge.substring(0, i % 100), start);
        }
        assertEquals(43, Throttle.digest(huge).length(), "a key is kept as its digest");
        fail(huge, 3, start);
        assertTrue(throttle.waitBefore(huge, start).compareTo(Duration.ZERO) > 0, "the newest keys are kept");
    }
}
