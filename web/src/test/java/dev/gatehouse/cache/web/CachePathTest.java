package dev.gatehouse.cache.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CachePathTest {

    @Test
    void theWorkspaceAndTheHashAreRead() {
        assertEquals(new CachePath("abc", "123"), CachePath.of("/nx/abc/v1/cache/123"));
        assertEquals(new CachePath("abc", "123"), CachePath.of("/nx/abc//v1/cache/123"), "nx's doubled slash");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nx/abc/v1/cache/", "/nx/abc/v1/cache", "/nx/abc/v1", "/nx/", "/v1/cache/123",
        "/nx/abc/v2/cache/123", "/nx/abc/v1/cache/123/x"})
    void item10_anythingElseIsNoCacheAddress(String path) {
        assertNull(CachePath.of(path), path);
    }
}
