package dev.gatehouse.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle();
    private final Instant start = Instant.parse("2026-11-27T12:00:00Z");

    private void fail(int times, Instant at) {
        for (int i = 0; i < times; i++) {
            throttle.failed("ada", at);
        }
    }

    @Test
    void theFirstFailuresCostNothing() {
        fail(LoginThrottle.FREE_FAILURES - 1, start);
        assertEquals(Duration.ZERO, throttle.waitBefore("ada", start));
    }

    @Test
    void eachFurtherFailureDoublesTheWait() {
        fail(LoginThrottle.FREE_FAILURES, start);
        assertEquals(Duration.ofSeconds(1), throttle.waitBefore("ada", start));
        fail(1, start);
        assertEquals(Duration.ofSeconds(2), throttle.waitBefore("ada", start));
        fail(1, start);
        assertEquals(Duration.ofSeconds(4), throttle.waitBefore("ada", start));
        assertEquals(Duration.ofSeconds(1), throttle.waitBefore("ada", start.plusSeconds(3)));
        assertEquals(Duration.ZERO, throttle.waitBefore("ada", start.plusSeconds(4)));
    }

    @Test
    void theWaitIsCapped() {
        fail(40, start);
        assertEquals(LoginThrottle.MAX_WAIT, throttle.waitBefore("ada", start));
    }

    @Test
    void otherNamesAreUnaffectedAndSuccessClears() {
        fail(10, start);
        assertEquals(Duration.ZERO, throttle.waitBefore("grace", start));
        throttle.succeeded("ada");
        assertEquals(Duration.ZERO, throttle.waitBefore("ada", start));
    }

    @Test
    void oldFailuresAreForgotten() {
        fail(10, start);
        Instant later = start.plus(LoginThrottle.FORGET_AFTER).plusSeconds(1);
        assertEquals(Duration.ZERO, throttle.waitBefore("ada", later));
        throttle.failed("ada", later);
        assertEquals(Duration.ZERO, throttle.waitBefore("ada", later), "counting starts over");
    }
}
