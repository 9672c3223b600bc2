package dev.gatehouse.login.control;

import dev.gatehouse.account.control.Throttle;
import dev.gatehouse.account.control.ThrottledAttempts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * The limits of the CLI's browser log-in, apart from the password throttle so that their keys can
 * never collide with a typed log-in name: unknown approval codes per person (nobody tries codes
 * until one matches somebody else's request), and new log-in requests per client address (an
 * anonymous caller cannot fill the table).
 */
@ApplicationScoped
public class LoginRequestLimits {

    static final int FREE_CODE_GUESSES = 3;
    static final int FREE_REQUESTS_PER_ADDRESS = 20;
    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int CAPACITY = 100_000;

    private final Throttle codeGuesses = new Throttle("approval code guesses per person", FREE_CODE_GUESSES, Duration.ofMinutes(5), FORGET_AFTER, CAPACITY);
    private final Throttle requests = new Throttle("log-in requests per address", FREE_REQUESTS_PER_ADDRESS, Duration.ofMinutes(5), FORGET_AFTER, CAPACITY);

    @Inject
    ThrottledAttempts throttled;

    /** How long this person must wait before guessing a code; not zero means this guess is turned away. */
    public Duration waitBeforeGuess(String username, Instant now) {
        return counted(codeGuesses.waitBefore(username, now), ThrottledAttempts.Kind.APPROVAL_CODE);
    }

    public void guessedWrong(String username, Instant now) {
        codeGuesses.failed(username, now);
    }

    /** Counts a new request from this address; how long it must wait first, zero when it may go ahead. */
    public Duration requestFrom(String clientAddress, Instant now) {
        Duration wait = requests.waitBefore(clientAddress, now);
        if (wait.isZero()) {
            requests.failed(clientAddress, now);
        }
        return counted(wait, ThrottledAttempts.Kind.LOGIN_REQUEST);
    }

    private Duration counted(Duration wait, ThrottledAttempts.Kind kind) {
        if (!wait.isZero()) {
            throttled.turnedAway(kind);
        }
        return wait;
    }
}
