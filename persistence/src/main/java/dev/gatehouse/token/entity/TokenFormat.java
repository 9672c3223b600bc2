package dev.gatehouse.token.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * How Gatehouse tokens look: a fixed prefix that secret scanners can match, 32 random base62
 * characters (190 bits), and a 6-character CRC32 checksum, so that a typo or a token of another
 * product is refused without a database lookup. Only the SHA-256 of a token is ever stored.
 */
public final class TokenFormat {

    public static final String PERSONAL_PREFIX = "gatehouse_pat_";
    /** Workspace access tokens, for CI: what legacy {@code nxCloudAccessToken} values are. */
    public static final String WORKSPACE_PREFIX = "gatehouse_wat_";
    static final int RANDOM_LENGTH = 32;
    static final int CHECKSUM_LENGTH = 6;
    /** Longer than any token: nothing beyond this is even hashed. */
    public static final int MAX_LENGTH = 64;

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a presented string is, before any lookup. */
    public enum Check { WELL_FORMED, NOT_OURS, MISTYPED }

    private TokenFormat() {
    }

    public static String generate(String prefix) {
        StringBuilder token = new StringBuilder(prefix);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            token.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return token.append(checksum(token)).toString();
    }

    public static Check check(String presented, String prefix) {
        if (presented == null || presented.length() != prefix.length() + RANDOM_LENGTH + CHECKSUM_LENGTH
                || !presented.startsWith(prefix)) {
            return Check.NOT_OURS;
        }
        for (int i = prefix.length(); i < presented.length(); i++) {
            if (BASE62.indexOf(presented.charAt(i)) < 0) {
                return Check.NOT_OURS;
            }
        }
        int split = presented.length() - CHECKSUM_LENGTH;
        return checksum(presented.substring(0, split)).equals(presented.substring(split)) ? Check.WELL_FORMED : Check.MISTYPED;
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Constant-time, so that timing reveals nothing about how much of a hash matched. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** A short, non-secret reminder of which token this is: its last four characters, part of the checksum. */
    public static String hint(String token) {
        return token.substring(token.length() - 4);
    }

    static String checksum(CharSequence prefixAndRandom) {
        CRC32 crc = new CRC32();
        crc.update(prefixAndRandom.toString().getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(digits);
    }
}
