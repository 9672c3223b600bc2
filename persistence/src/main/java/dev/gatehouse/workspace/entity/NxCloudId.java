package dev.gatehouse.workspace.entity;

import java.security.SecureRandom;

/**
 * Workspace ids as Nx puts them in nx.json: 24 characters. From 62 symbols that is about 143
 * random bits, so an id cannot be guessed, only leaked.
 */
public final class NxCloudId {

    public static final int LENGTH = 24;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private NxCloudId() {
    }

    public static String generate() {
        StringBuilder id = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && candidate.length() == LENGTH
                && candidate.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
