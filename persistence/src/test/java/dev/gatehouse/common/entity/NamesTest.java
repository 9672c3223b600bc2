package dev.gatehouse.common.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void namesAreStrippedAndLimitedToAHundredCharacters() {
        assertEquals("Acme", Names.require("  Acme "));
        assertEquals(100, Names.require("x".repeat(100)).length());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Names.require("x".repeat(101)))
                .getMessage().contains("at most 100"));
    }

    @Test
    void emptyAndBlankNamesAreRefused() {
        for (String blank : new String[] {null, "", "   ", "\t"}) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> Names.require(blank))
                    .getMessage().contains("cannot be empty"));
        }
    }
}
