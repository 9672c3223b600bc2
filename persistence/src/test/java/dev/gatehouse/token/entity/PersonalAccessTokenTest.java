package dev.gatehouse.token.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.entity.Account;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PersonalAccessTokenTest {

    private final Instant created = Instant.parse("2026-01-01T00:00:00Z");
    private final Account ada = new Account("ada", "ada@example.org", "hash", created);
    private final String secret = TokenFormat.generate(TokenFormat.PERSONAL_PREFIX);

    @Test
    void storesOnlyTheHashAndAHint() {
        PersonalAccessToken token = new PersonalAccessToken(ada, "laptop", secret, created, null);
        assertEquals(TokenFormat.hash(secret), token.getTokenHash());
        assertNotEquals(secret, token.getTokenHash());
        assertEquals(secret.substring(secret.length() - 4), token.getHint());
    }

    @Test
    void expiresAtItsExpiryInstantAndNotBefore() {
        Instant expiry = created.plusSeconds(30L * 24 * 3600);
        PersonalAccessToken token = new PersonalAccessToken(ada, "ci", secret, created, expiry);
        assertEquals(TokenStatus.ACTIVE, token.status(expiry.minusMillis(1)));
        assertEquals(TokenStatus.EXPIRED, token.status(expiry));
        assertFalse(token.isActive(expiry.plusSeconds(1)));
    }

    @Test
    void aTokenWithoutExpiryStaysActiveUntilRevoked() {
        PersonalAccessToken token = new PersonalAccessToken(ada, "laptop", secret, created, null);
        Instant muchLater = created.plusSeconds(100L * 365 * 24 * 3600);
        assertTrue(token.isActive(muchLater));
        token.revoke(muchLater);
        assertEquals(TokenStatus.REVOKED, token.status(muchLater));
        token.revoke(muchLater.plusSeconds(5));
        assertEquals(muchLater, token.getRevokedAt(), "the first revocation is the one remembered");
    }

    @Test
    void lastUseIsWrittenAtMostOnceAMinute() {
        PersonalAccessToken token = new PersonalAccessToken(ada, "laptop", secret, created, null);
        assertTrue(token.recordUse(created, "127.0.0.1"));
        assertFalse(token.recordUse(created.plusSeconds(59), "127.0.0.2"));
        assertEquals("127.0.0.1", token.getLastUsedIp());
        assertTrue(token.recordUse(created.plusSeconds(60), "127.0.0.2"));
        assertEquals(created.plusSeconds(60), token.getLastUsedAt());
        assertEquals("127.0.0.2", token.getLastUsedIp());
    }
}
