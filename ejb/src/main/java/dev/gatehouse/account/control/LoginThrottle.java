package dev.gatehouse.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows down password guessing, counted three ways so that nobody can lock an owner out:
 * <ul>
 * <li>per account and client address: after three failures the wait doubles, up to five minutes.
 * An attacker's failures from their address do not block the owner at another one;</li>
 * <li>per account from any address: a looser cap with waits of at most half a minute, that only
 * slows guessing spread over many addresses;</li>
 * <li>per client address over all accounts: random names, each costing a full password hash,
 * are throttled too.</li>
 * </ul>
 * Unknown log-in names are throttled exactly like real ones, so the delay reveals nothing about
 * which accounts exist. The counts are shared by all nodes and of fixed size ({@link Throttle}).
 */
@ApplicationScoped
public class LoginThrottle {

    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    static final Duration MAX_ACCOUNT_WAIT = Duration.ofSeconds(30);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    static final int FREE_PER_ACCOUNT_AND_ADDRESS = 3;
    static final int FREE_PER_ACCOUNT = 20;
    static final int FREE_PER_ADDRESS = 30;
    private static final int CAPACITY = 100_000;

    private final Throttle accountAtAddress = new Throttle("log-in failures per account and address", FREE_PER_ACCOUNT_AND_ADDRESS, MAX_WAIT, FORGET_AFTER, CAPACITY);
    private final Throttle account = new Throttle("log-in failures per account", FREE_PER_ACCOUNT, MAX_ACCOUNT_WAIT, FORGET_AFTER, CAPACITY);
    private final Throttle address = new Throttle("log-in failures per address", FREE_PER_ADDRESS, MAX_WAIT, FORGET_AFTER, CAPACITY);

    /** How long the next attempt for this account from this address must wait; zero when it may go ahead. */
    public Duration waitBefore(String login, String clientAddress, Instant now) {
        Duration wait = accountAtAddress.waitBefore(login + "\n" + clientAddress, now);
        wait = longer(wait, account.waitBefore(login, now));
        return longer(wait, address.waitBefore(clientAddress, now));
    }

    public void failed(String login, String clientAddress, Instant now) {
        accountAtAddress.failed(login + "\n" + clientAddress, now);
        account.failed(login, now);
        address.failed(clientAddress, now);
    }

    /** The owner is back: their own record is cleared; the address's record of other names stays. */
    public void succeeded(String login, String clientAddress) {
        accountAtAddress.succeeded(login + "\n" + clientAddress);
        account.succeeded(login);
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
