package dev.gatehouse.account.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts failures per key and says how long the next attempt must wait: after a few free failures
 * each further one doubles the wait, up to a cap, and failures older than a while are forgotten.
 *
 * <p>Its memory is fixed, whatever callers send: keys are kept as 64-bit salted hashes (a 2 MB
 * log-in name costs 8 bytes), and past {@code capacity} keys the one that failed longest ago is
 * dropped. The salt is random per instance, so nobody can pick names whose hashes collide.
 */
public final class Throttle {

    private final int freeFailures;
    private final Duration maxWait;
    private final Duration forgetAfter;
    private final Map<Long, Failures> failures;
    private final byte[] salt = new byte[16];

    public Throttle(int freeFailures, Duration maxWait, Duration forgetAfter, int capacity) {
        this.freeFailures = freeFailures;
        this.maxWait = maxWait;
        this.forgetAfter = forgetAfter;
        this.failures = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Failures> eldest) {
                return size() > capacity;
            }
        };
        new SecureRandom().nextBytes(salt);
    }

    private record Failures(int count, Instant last) {
    }

    /** How long the next attempt for this key must wait; zero when it may go ahead. */
    public Duration waitBefore(String key, Instant now) {
        Failures recorded;
        synchronized (failures) {
            recorded = failures.get(hash(key));
        }
        if (recorded == null || forgotten(recorded, now) || recorded.count() < freeFailures) {
            return Duration.ZERO;
        }
        Duration wait = Duration.ofSeconds(1L << Math.min(recorded.count() - freeFailures, 20));
        Duration left = Duration.between(now, recorded.last().plus(wait.compareTo(maxWait) > 0 ? maxWait : wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String key, Instant now) {
        synchronized (failures) {
            failures.merge(hash(key), new Failures(1, now),
                    (old, first) -> forgotten(old, now) ? first : new Failures(old.count() + 1, now));
        }
    }

    public void succeeded(String key) {
        synchronized (failures) {
            failures.remove(hash(key));
        }
    }

    int tracked() {
        synchronized (failures) {
            return failures.size();
        }
    }

    private boolean forgotten(Failures recorded, Instant now) {
        return now.isAfter(recorded.last().plus(forgetAfter));
    }

    private long hash(String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return ByteBuffer.wrap(sha.digest(key.getBytes(StandardCharsets.UTF_8))).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
