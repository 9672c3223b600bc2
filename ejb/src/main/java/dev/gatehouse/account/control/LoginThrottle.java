package dev.gatehouse.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing against one account: after a few failures each further attempt must
 * wait twice as long as the one before, up to a few minutes. Unknown log-in names are throttled
 * exactly like real ones, so the delay reveals nothing about which accounts exist.
 *
 * <p>The state is per node and in memory: a restart forgets it, which costs an attacker a few
 * minutes at most, while keeping a database write off every failed attempt.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_FAILURES = 3;
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    static final int MAX_TRACKED = 10_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    record Failures(int count, Instant last) {

        Instant nextAllowed() {
            if (count < FREE_FAILURES) {
                return last;
            }
            Duration wait = Duration.ofSeconds(1L << Math.min(count - FREE_FAILURES, 20));
            return last.plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
        }

        boolean forgottenAt(Instant now) {
            return now.isAfter(last.plus(FORGET_AFTER));
        }
    }

    /** How long the next attempt for this log-in name must wait; zero when it may go ahead. */
    public Duration waitBefore(String login, Instant now) {
        Failures recorded = failures.get(login);
        if (recorded == null || recorded.forgottenAt(now)) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(now, recorded.nextAllowed());
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    public void failed(String login, Instant now) {
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(recorded -> recorded.forgottenAt(now));
        }
        failures.merge(login, new Failures(1, now),
                (old, first) -> old.forgottenAt(now) ? first : new Failures(old.count() + 1, now));
    }

    public void succeeded(String login) {
        failures.remove(login);
    }
}
