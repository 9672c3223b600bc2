package dev.gatehouse.security.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AfterLoginTest {

    @Test
    void ourPagesAreFollowedWithTheirQuery() {
        assertEquals("/profile?tab=tokens", AfterLogin.target("", "/profile?tab=tokens"));
        assertEquals("/approve?code=WDJB-MJHT", AfterLogin.target("", "/approve?code=WDJB-MJHT"));
        assertEquals("/workspace?id=12", AfterLogin.target("", "/workspace?id=12"));
        assertEquals("/gh/organizations", AfterLogin.target("/gh", "/organizations"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/x", "///evil.example", "http://evil.example/", "https:evil.example",
        "/\\evil.example", "/%2e%2e/profile", "/nowhere", "/login", "profile", "", "/profile?x=\r\nSet-Cookie:a",
        "/profile?next=//evil", "/profile#x", " /profile"})
    void item2_anythingElseLandsOnTheHomePage(String next) {
        assertEquals("/", AfterLogin.target("", next));
    }

    @Test
    void noNextLandsOnTheHomePage() {
        assertEquals("/", AfterLogin.target("", null));
    }
}
