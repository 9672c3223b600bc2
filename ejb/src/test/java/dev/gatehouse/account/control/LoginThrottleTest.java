package dev.gatehouse.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle();
    private final Instant start = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void repeatedFailuresFromOneAddressSlowThatAddressDown() {
        for (int i = 0; i < LoginThrottle.FREE_PER_ACCOUNT_AND_ADDRESS; i++) {
            throttle.failed("alice", "203.0.113.9", start);
        }
        assertEquals(Duration.ofSeconds(1), throttle.waitBefore("alice", "203.0.113.9", start));
    }

    @Test
    void item7_anAttackerAtOneAddressDoesNotLockTheOwnerOutAtAnother() {
        for (int minute = 0; minute < 60; minute += 5) {
            throttle.failed("alice", "203.0.113.9", start.plus(Duration.ofMinutes(minute)));
        }
        Instant now = start.plus(Duration.ofMinutes(56));
        assertTrue(throttle.waitBefore("alice", "203.0.113.9", now).compareTo(Duration.ZERO) > 0);
        assertEquals(Duration.ZERO, throttle.waitBefore("alice", "198.51.100.7", now));
    }

    @Test
    void item7_guessesSpreadOverManyAddressesAreSlowedButNeverLongerThanTheLooseCap() {
        for (int i = 0; i < 200; i++) {
            throttle.failed("alice", "203.0.113." + i, start);
        }
        Duration wait = throttle.waitBefore("alice", "198.51.100.7", start);
        assertTrue(wait.compareTo(Duration.ZERO) > 0, "slowed");
        assertTrue(wait.compareTo(LoginThrottle.MAX_ACCOUNT_WAIT) <= 0, "but the owner waits at most " + wait);
    }

    @Test
    void item5_randomNamesFromOneAddressAreThrottledToo() {
        for (int i = 0; i < LoginThrottle.FREE_PER_ADDRESS; i++) {
            throttle.failed("random-" + i, "203.0.113.9", start);
        }
        assertTrue(throttle.waitBefore("random-new", "203.0.113.9", start).compareTo(Duration.ZERO) > 0);
        assertEquals(Duration.ZERO, throttle.waitBefore("random-new", "198.51.100.7", start));
    }

    @Test
    void successClearsTheAccountsRecord() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("alice", "203.0.113.9", start);
        }
        throttle.succeeded("alice", "203.0.113.9");
        assertEquals(Duration.ZERO, throttle.waitBefore("alice", "203.0.113.9", start));
    }
}
