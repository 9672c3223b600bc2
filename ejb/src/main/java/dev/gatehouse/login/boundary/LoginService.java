package dev.gatehouse.login.boundary;

import dev.gatehouse.account.control.CurrentAccount;
import dev.gatehouse.account.entity.Account;
import dev.gatehouse.common.NotFound;
import dev.gatehouse.common.TooManyRequests;
import dev.gatehouse.common.entity.Names;
import dev.gatehouse.login.control.LoginRequestLimits;
import dev.gatehouse.login.entity.LoginRequest;
import dev.gatehouse.login.entity.LoginRequest.Poll;
import dev.gatehouse.security.Roles;
import dev.gatehouse.token.boundary.IssuedToken;
import dev.gatehouse.token.control.TokenMint;
import dev.gatehouse.token.entity.TokenFormat;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The CLI's browser log-in: the CLI starts a request and polls it, the person approves or denies it
 * on a page while signed in, and the CLI collects a fresh personal access token exactly once.
 */
@Stateless
public class LoginService {

    static final int TOKEN_DAYS = 365;
    static final String TOKEN_NAME = "CLI login on ";
    static final String UNKNOWN_CODE = "No open log-in request has this code: it may have expired or been used."
            + " Run `gatehouse login` again.";

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenMint mint;

    @Inject
    LoginRequestLimits limits;

    @Inject
    CurrentAccount caller;

    /** What the CLI needs to show the person and to poll. */
    public record Started(String deviceCode, String userCode, long intervalSeconds, long expiresInSeconds) {
    }

    /** What a poll yields: a state, and on READY the token. */
    public record Collected(Poll state, IssuedToken token) {
    }

    /** Open to everyone: the CLI has no identity yet. Limited per client address. */
    @PermitAll
    public Started start(String hostname, String clientIp) {
        Instant now = Instant.now();
        Duration wait = limits.requestFrom(clientIp, now);
        if (!wait.isZero()) {
            throw new TooManyRequests("Too many log-in requests from this address. Wait " + Math.max(1, wait.toSeconds())
                    + " seconds, then run `gatehouse login` again.");
        }
        // Purged here rather than by a timer: creation is what makes the table grow, and it is rare and limited.
        em.createNamedQuery(LoginRequest.DELETE_EXPIRED_BEFORE).setParameter("before", now.minus(LoginRequest.KEPT_AFTER_EXPIRY))
                .executeUpdate();
        String deviceCode = TokenFormat.generate("device_");
        LoginRequest request = new LoginRequest(deviceCode, tokenNameHost(hostname), clientIp, now);
        em.persist(request);
        return new Started(deviceCode, request.getUserCode(), LoginRequest.POLL_INTERVAL.toSeconds(),
                LoginRequest.LIFETIME.toSeconds());
    }

    /** Open to everyone: only the holder of the device code can poll, and the token comes out once. */
    @PermitAll
    public Collected poll(String deviceCode) {
        LoginRequest request = em.createNamedQuery(LoginRequest.BY_DEVICE_CODE_HASH, LoginRequest.class)
                .setParameter("hash", TokenFormat.hash(deviceCode == null ? "" : deviceCode))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("This device code is unknown. Run `gatehouse login` again."));
        Poll state = request.poll(Instant.now());
        if (state != Poll.READY) {
            return new Collected(state, null);
        }
        Account owner = request.getApprovedBy();
        return new Collected(state, mint.mint(owner, TOKEN_NAME + request.getClientHostname(), TOKEN_DAYS));
    }

    /** The host name as it goes into the token's name, short enough for the name's limit. */
    static String tokenNameHost(String hostname) {
        String name = hostname == null || hostname.isBlank() ? "unknown host" : hostname.strip();
        int room = Names.MAX - TOKEN_NAME.length();
        return name.length() > room ? name.substring(0, room) : name;
    }

    /**
     * An open request, for the approval page. Looking codes up is throttled per person like
     * password guessing, so nobody can try codes until one matches somebody else's request.
     */
    @RolesAllowed(Roles.USER)
    public LoginRequest open(String typedCode) {
        String guesser = caller.name();
        Instant now = Instant.now();
        if (!limits.waitBeforeGuess(guesser, now).isZero()) {
            throw new TooManyRequests("Too many unknown codes. Wait a minute, then try again.");
        }
        Optional<LoginRequest> found = em.createNamedQuery(LoginRequest.BY_USER_CODE, LoginRequest.class)
                .setParameter("code", LoginRequest.normalizeUserCode(typedCode))
                .setParameter("now", now)
                .getResultStream().findFirst()
                .filter(request -> request.isOpen(now));
        if (found.isEmpty()) {
            limits.guessedWrong(guesser, now);
            throw new NotFound(UNKNOWN_CODE);
        }
        return found.get();
    }

    /** By code again, not by id, so that approving cannot skip the throttled lookup. */
    @RolesAllowed(Roles.USER)
    public LoginRequest approve(String typedCode) {
        LoginRequest request = lockedOpen(typedCode);
        request.approve(caller.account(), Instant.now());
        return request;
    }

    @RolesAllowed(Roles.USER)
    public LoginRequest deny(String typedCode) {
        LoginRequest request = lockedOpen(typedCode);
        request.deny(Instant.now());
        return request;
    }

    /** Locked, so that an approval and a denial of one request cannot both happen. */
    private LoginRequest lockedOpen(String typedCode) {
        LoginRequest request = open(typedCode);
        em.lock(request, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(request);
        if (!request.isOpen(Instant.now())) {
            throw new NotFound(UNKNOWN_CODE);
        }
        return request;
    }
}
