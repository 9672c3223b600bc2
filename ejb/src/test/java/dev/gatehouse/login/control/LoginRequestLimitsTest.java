package dev.gatehouse.login.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.control.LoginThrottle;
import dev.gatehouse.account.control.ThrottledAttempts;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginRequestLimitsTest {

    private final Instant now = Instant.parse("2026-11-27T12:00:00Z");

    /** Without a metric registry: counting turned-away attempts is the integration tests' part. */
    private static LoginRequestLimits limits() {
        LoginRequestLimits limits = new LoginRequestLimits();
        limits.throttled = new ThrottledAttempts();
        return limits;
    }

    @Test
    void item6_failedLogInsAsAStrangeNameDoNotBlockAnybodysApprovals() {
        LoginThrottle passwords = new LoginThrottle();
        LoginRequestLimits limits = limits();
        for (int i = 0; i < 12; i++) {
            passwords.failed("login-code:alice", "203.0.113.9", now);
        }
        assertEquals(Duration.ZERO, limits.waitBeforeGuess("alice", now));
    }

    @Test
    void wrongCodesSlowThatPersonDown() {
        LoginRequestLimits limits = limits();
        for (int i = 0; i < LoginRequestLimits.FREE_CODE_GUESSES; i++) {
            limits.guessedWrong("alice", now);
        }
        assertTrue(limits.waitBeforeGuess("alice", now).compareTo(Duration.ZERO) > 0);
        assertEquals(Duration.ZERO, limits.waitBeforeGuess("bob", now));
    }

    @Test
    void item9_oneAddressCannotStartRequestsWithoutEnd() {
        LoginRequestLimits limits = limits();
        for (int i = 0; i < LoginRequestLimits.FREE_REQUESTS_PER_ADDRESS; i++) {
            assertEquals(Duration.ZERO, limits.requestFrom("203.0.113.9", now), "request " + i);
        }
        assertTrue(limits.requestFrom("203.0.113.9", now).compareTo(Duration.ZERO) > 0);
        assertEquals(Duration.ZERO, limits.requestFrom("198.51.100.7", now));
    }
}
