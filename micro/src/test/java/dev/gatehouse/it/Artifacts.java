package dev.gatehouse.it;

import java.util.Random;

/** Artifacts as nx makes them for the cache tests: random bytes, under random decimal hashes. */
final class Artifacts {

    static final Random RANDOM = new Random();

    private Artifacts() {
    }

    static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static String hash() {
        return Long.toUnsignedString(RANDOM.nextLong());
    }
}
