package dev.gatehouse.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountTest {

    @Test
    void storesUsernameAndEmailInCanonicalForm() {
        Account account = new Account(" Ada.Lovelace ", "Ada@Example.ORG", "hash", Instant.EPOCH);
        assertEquals("ada.lovelace", account.getUsername());
        assertEquals("ada@example.org", account.getEmail());
    }

    @Test
    void canonicalFormOfNothingIsEmpty() {
        assertEquals("", Account.canonical(null));
        assertEquals("", Account.canonical("   "));
    }

    @Test
    void usernamePatternRejectsWhatCouldBeMistakenForAnEmail() {
        assertTrue(Account.USERNAME.matcher("ada_l-1.x").matches());
        assertFalse(Account.USERNAME.matcher("ada@example.org").matches());
        assertFalse(Account.USERNAME.matcher("-ada").matches());
        assertFalse(Account.USERNAME.matcher("ada lovelace").matches());
    }

    @Test
    void emailPatternNeedsOneAtAndADomain() {
        assertTrue(Account.EMAIL.matcher("ada@example.org").matches());
        assertFalse(Account.EMAIL.matcher("ada@localhost").matches());
        assertFalse(Account.EMAIL.matcher("ada@@example.org").matches());
        assertFalse(Account.EMAIL.matcher("ada example@example.org").matches());
    }
}
