package dev.gatehouse.login.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.entity.Account;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginRequestTest {

    private final Instant start = Instant.parse("2026-11-27T12:00:00Z");
    private final Account ada = new Account("ada", "ada@example.org", "hash", start);

    @Test
    void userCodesAreTwoGroupsOfFourUnambiguousLetters() {
        for (int i = 0; i < 1000; i++) {
            String code = LoginRequest.newUserCode();
            assertTrue(code.matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}"), code);
        }
        assertEquals("WDJB-MJHT", LoginRequest.normalizeUserCode(" wdjb mjht "));
        assertEquals("WDJB-MJHT", LoginRequest.normalizeUserCode("WDJBMJHT"));
    }

    @Test
    void aPollTooSoonIsToldToSlowDownAndTheTokenIsCollectedOnce() {
        LoginRequest request = new LoginRequest("device", "laptop", "127.0.0.1", start);
        assertEquals(LoginRequest.Poll.PENDING, request.poll(start));
        assertEquals(LoginRequest.Poll.SLOW_DOWN, request.poll(start.plusMillis(100)));
        assertEquals(LoginRequest.Poll.PENDING, request.poll(start.plusSeconds(3)));
        assertTrue(request.approve(ada, start.plusSeconds(4)));
        assertFalse(request.approve(ada, start.plusSeconds(5)), "a second approval changes nothing");
        assertEquals(LoginRequest.Poll.READY, request.poll(start.plusSeconds(6)));
        assertEquals(LoginRequest.Poll.ALREADY_USED, request.poll(start.plusSeconds(9)));
    }

    @Test
    void deniedAndExpiredRequestsEndThePolling() {
        LoginRequest denied = new LoginRequest("d1", "laptop", "127.0.0.1", start);
        assertTrue(denied.deny(start.plusSeconds(1)));
        assertFalse(denied.approve(ada, start.plusSeconds(2)), "no approval after a denial");
        assertEquals(LoginRequest.Poll.DENIED, denied.poll(start.plusSeconds(3)));

        LoginRequest expired = new LoginRequest("d2", "laptop", "127.0.0.1", start);
        Instant late = start.plus(LoginRequest.LIFETIME);
        assertFalse(expired.approve(ada, late));
        assertEquals(LoginRequest.Poll.EXPIRED, expired.poll(late));
    }
}
