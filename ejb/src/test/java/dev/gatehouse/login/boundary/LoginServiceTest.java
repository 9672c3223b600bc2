package dev.gatehouse.login.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.common.entity.Names;
import org.junit.jupiter.api.Test;

class LoginServiceTest {

    @Test
    void item16_aLongHostNameStillMakesAValidTokenName() {
        String host = "build-agent-" + "x".repeat(200) + ".example.org";
        String name = LoginService.TOKEN_NAME + LoginService.tokenNameHost(host);
        assertEquals(Names.MAX, name.length());
        assertEquals(name, Names.require(name), "the token's own rule accepts it");
    }

    @Test
    void aMissingHostNameIsNamedSo() {
        assertEquals("unknown host", LoginService.tokenNameHost("  "));
        assertEquals("laptop", LoginService.tokenNameHost(" laptop "));
    }
}
