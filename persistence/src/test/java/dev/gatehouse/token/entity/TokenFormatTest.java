package dev.gatehouse.token.entity;

import static dev.gatehouse.token.entity.TokenFormat.PERSONAL_PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenFormatTest {

    @Test
    void generatedTokensCarryThePrefixAndAValidChecksumAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            String token = TokenFormat.generate(PERSONAL_PREFIX);
            assertTrue(token.startsWith(PERSONAL_PREFIX));
            assertEquals(PERSONAL_PREFIX.length() + 38, token.length());
            assertTrue(token.length() <= TokenFormat.MAX_LENGTH);
            assertEquals(TokenFormat.Check.WELL_FORMED, TokenFormat.check(token, PERSONAL_PREFIX));
            assertTrue(seen.add(token));
        }
    }

    @Test
    void anyOneCharacterTypoIsCaughtByTheChecksum() {
        String token = TokenFormat.generate(PERSONAL_PREFIX);
        for (int i = PERSONAL_PREFIX.length(); i < token.length(); i++) {
            char replacement = token.charAt(i) == 'a' ? 'b' : 'a';
            String typo = token.substring(0, i) + replacement + token.substring(i + 1);
            assertEquals(TokenFormat.Check.MISTYPED, TokenFormat.check(typo, PERSONAL_PREFIX), typo);
        }
    }

    @Test
    void otherProductsTokensAndGarbageAreNotOurs() {
        String valid = TokenFormat.generate(PERSONAL_PREFIX);
        String otherPrefix = TokenFormat.generate("gatehouse_wat_");
        String github = TokenFormat.generate("ghp_");
        for (String presented : new String[] {null, "", "x", otherPrefix, github, valid + "x", valid.substring(1),
                PERSONAL_PREFIX + "!".repeat(38), "a".repeat(10_000)}) {
            assertEquals(TokenFormat.Check.NOT_OURS, TokenFormat.check(presented, PERSONAL_PREFIX), String.valueOf(presented));
        }
    }

    @Test
    void theHashIsSha256HexAndComparedWholly() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenFormat.hash("abc"));
        String hash = TokenFormat.hash("token");
        assertTrue(TokenFormat.sameHash(hash, TokenFormat.hash("token")));
        assertFalse(TokenFormat.sameHash(hash, TokenFormat.hash("token2")));
        assertNotEquals(hash, "token");
    }

    @Test
    void theHintIsTheLastFourCharacters() {
        assertEquals("wxyz", TokenFormat.hint(PERSONAL_PREFIX + "abcdwxyz"));
    }
}
