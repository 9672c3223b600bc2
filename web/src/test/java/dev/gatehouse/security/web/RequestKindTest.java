package dev.gatehouse.security.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RequestKindTest {

    @Test
    void pathsAreClassifiedByTheirFirstSegment() {
        assertEquals(RequestKind.CACHE, RequestKind.ofPath("/nx/abc/v1/cache/1"));
        assertEquals(RequestKind.CACHE, RequestKind.ofPath("/v1/cache/1"));
        assertEquals(RequestKind.API, RequestKind.ofPath("/api/me"));
        assertEquals(RequestKind.PAGE, RequestKind.ofPath("/profile"));
        assertEquals(RequestKind.PAGE, RequestKind.ofPath("/apiary"));
        assertEquals(RequestKind.PAGE, RequestKind.ofPath("/nxt"));
        assertEquals(RequestKind.API, RequestKind.ofPath("/metrics"), "Prometheus presents a token");
        assertEquals(RequestKind.API, RequestKind.ofPath("/metrics/base"));
        assertEquals(RequestKind.PAGE, RequestKind.ofPath("/metricsx"));
    }

    @ParameterizedTest
    @CsvSource({
        "/api/%2e%2e/profile, /profile",
        "/api/%2E%2E/profile, /profile",
        "/nx/%2e%2e/profile, /profile",
        "/api/../profile, /profile",
        "/api;x/../profile, /profile",
        "/%61pi/me, /api/me",
        "/profile/%2e%2e/api/me, /api/me",
        "/api%2fme, /api/me",
        "/nx/id/v1/cache/.., /nx/id/v1",
        "/nx/id/v1/cache/%2e%2e, /nx/id/v1/cache/..",
        "/profile;jsessionid=x, /profile",
        "/api/me\\x, /api/me",
    })
    void item1_rawPathsThatHideTheirKindAreDisguises(String raw, String normalized) {
        assertTrue(RequestKind.isDisguised(raw, normalized), raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/me", "/profile", "/nx/id/v1/cache/123", "/jakarta.faces.resource/css/gatehouse.css.xhtml",
        "/favicon.ico", "/"})
    void plainPathsAreNot(String path) {
        assertFalse(RequestKind.isDisguised(path, path), path);
    }

    @Test
    void nxsDoubledSlashIsNoDisguise() {
        assertFalse(RequestKind.isDisguised("/nx/id//v1/cache/123", "/nx/id/v1/cache/123"));
    }
}
