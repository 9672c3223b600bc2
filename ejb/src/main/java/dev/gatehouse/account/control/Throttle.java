package dev.gatehouse.account.control;

import dev.gatehouse.common.GridMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Counts failures per key and says how long the next attempt must wait: after a few free failures
 * each further one doubles the wait, up to a cap, and failures older than a while are forgotten.
 *
 * <p>The counts live in a {@link GridMap}, so every node of a cluster counts the same failures: a
 * guesser gains nothing by spreading attempts over nodes. Its memory is fixed, whatever callers send:
 * a key is kept as its SHA-256 (a 2 MB log-in name costs 43 characters), the failures and the last
 * one's time as one number, and the map holds a bounded number of keys.
 */
public final class Throttle {

    /** The count sits above the time of the last failure in epoch milliseconds (41 bits until 2039). */
    private static final int COUNT_SHIFT = 42;
    private static final long TIME_MASK = (1L << COUNT_SHIFT) - 1;
    private static final int MAX_COUNT = 1 << 20;

    private final int freeFailures;
    private final Duration maxWait;
    private final Duration forgetAfter;
    private final GridMap failures;

    public Throttle(String name, int freeFailures, Duration maxWait, Duration forgetAfter, int capacity) {
        this(GridMap.named(name, forgetAfter, capacity), freeFailures, maxWait, forgetAfter);
    }

    Throttle(GridMap failures, int freeFailures, Duration maxWait, Duration forgetAfter) {
        this.freeFailures = freeFailures;
        this.maxWait = maxWait;
        this.forgetAfter = forgetAfter;
        this.failures = failures;
    }

    /** How long the next attempt for this key must wait; zero when it may go ahead. */
    public Duration waitBefore(String key, Instant now) {
        Long recorded = failures.get(digest(key));
        if (recorded == null || forgotten(recorded, now) || count(recorded) < freeFailures) {
            return Duration.ZERO;
        }
        Duration wait = Duration.ofSeconds(1L << Math.min(count(recorded) - freeFailures, 20));
        Instant last = Instant.ofEpochMilli(recorded & TIME_MASK);
        Duration left = Duration.between(now, last.plus(wait.compareTo(maxWait) > 0 ? maxWait : wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String key, Instant now) {
        failures.update(digest(key), old -> {
            int count = old == null || forgotten(old, now) ? 1 : Math.min(count(old) + 1, MAX_COUNT);
            return (long) count << COUNT_SHIFT | now.toEpochMilli() & TIME_MASK;
        });
    }

    public void succeeded(String key) {
        failures.remove(digest(key));
    }

    private static int count(long recorded) {
        return (int) (recorded >>> COUNT_SHIFT);
    }

    private boolean forgotten(long recorded, Instant now) {
        return now.isAfter(Instant.ofEpochMilli(recorded & TIME_MASK).plus(forgetAfter));
    }

    static String digest(String key) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
