package dev.gatehouse.cache.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CacheKeyTest {

    private static final String ID = "AbCdEfGhIjKlMnOpQrStUv12";

    @Test
    void aHashIsOneToMaxLettersDigitsDashesOrUnderscores() {
        assertTrue(CacheKey.isValidHash("8934759283745"));
        assertTrue(CacheKey.isValidHash("a-B_9"));
        assertTrue(CacheKey.isValidHash("x".repeat(CacheKey.HASH_MAX)));
        assertFalse(CacheKey.isValidHash("x".repeat(CacheKey.HASH_MAX + 1)));
        assertFalse(CacheKey.isValidHash(""));
        assertFalse(CacheKey.isValidHash(null));
        for (String hostile : new String[] {"..", "a/b", "a\\b", "a.b", "a b", "a%2e", "ä", "a\u0000", "a;b"}) {
            assertFalse(CacheKey.isValidHash(hostile), hostile);
        }
    }

    @Test
    void aKeyRefusesWhatCouldLeaveTheCacheFolder() {
        assertThrows(IllegalArgumentException.class, () -> new CacheKey(ID, "../x"));
        assertThrows(IllegalArgumentException.class, () -> new CacheKey("../../etc/passwd/xxxxxxxx", "x"));
        new CacheKey(ID, "x");
    }
}
