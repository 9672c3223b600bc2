package dev.gatehouse.security.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BearerAuthenticationTest {

    @Test
    void theTokenOfABearerHeaderWhateverTheSchemesCaseAndTheSpaces() {
        assertEquals("gatehouse_pat_abc", BearerAuthentication.tokenIn("Bearer gatehouse_pat_abc"));
        assertEquals("gatehouse_pat_abc", BearerAuthentication.tokenIn("bearer gatehouse_pat_abc"));
        assertEquals("gatehouse_pat_abc", BearerAuthentication.tokenIn("  BEARER   gatehouse_pat_abc  "));
    }

    @Test
    void aBearerHeaderWithoutATokenNamesAnEmptyOne() {
        assertEquals("", BearerAuthentication.tokenIn("Bearer"));
        assertEquals("", BearerAuthentication.tokenIn("Bearer    "));
    }

    @Test
    void anotherSchemeOrNoHeaderNamesNone() {
        assertNull(BearerAuthentication.tokenIn("Basic dXNlcjpwYXNz"));
        assertNull(BearerAuthentication.tokenIn("Bearergatehouse_pat_abc"));
        assertNull(BearerAuthentication.tokenIn(""));
        assertNull(BearerAuthentication.tokenIn(null));
    }
}
