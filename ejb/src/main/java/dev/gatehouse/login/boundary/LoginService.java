package dev.gatehouse.login.boundary;

import dev.gatehouse.account.control.LoginThrottle;
import dev.gatehouse.account.entity.Account;
import dev.gatehouse.common.BusinessException;
import dev.gatehouse.common.NotFound;
import dev.gatehouse.login.entity.LoginRequest;
import dev.gatehouse.login.entity.LoginRequest.Poll;
import dev.gatehouse.security.Roles;
import dev.gatehouse.token.boundary.IssuedToken;
import dev.gatehouse.token.control.TokenMint;
import dev.gatehouse.token.entity.TokenFormat;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * The CLI's browser log-in: the CLI starts a request and polls it, the person approves or denies it
 * on a page while signed in, and the CLI collects a fresh personal access token exactly once.
 */
@Stateless
public class LoginService {

    static final int TOKEN_DAYS = 365;
    static final String UNKNOWN_CODE = "No open log-in request has this code: it may have expired or been used."
            + " Run `gatehouse login` again.";

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenMint mint;

    @Inject
    LoginThrottle guesses;

    @Resource
    SessionContext session;

    /** What the CLI needs to show the person and to poll. */
    public record Started(String deviceCode, String userCode, long intervalSeconds, long expiresInSeconds) {
    }

    /** What a poll yields: a state, and on READY the token. */
    public record Collected(Poll state, IssuedToken token) {
    }

    /** Open to everyone: the CLI has no identity yet. */
    @PermitAll
    public Started start(String hostname, String clientIp) {
        String name = hostname == null || hostname.isBlank() ? "unknown host" : hostname.strip();
        String deviceCode = TokenFormat.generate("device_");
        LoginRequest request = new LoginRequest(deviceCode, name.length() > 100 ? name.substring(0, 100) : name,
                clientIp, Instant.now());
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
        return new Collected(state, mint.mint(owner, "CLI login on " + request.getClientHostname(), TOKEN_DAYS));
    }

    /**
     * An open request, for the approval page. Looking codes up is throttled per person like
     * password guessing, so nobody can try codes until one matches somebody else's request.
     */
    @RolesAllowed(Roles.USER)
    public LoginRequest open(String typedCode) {
        String guesser = "login-code:" + session.getCallerPrincipal().getName();
        Instant now = Instant.now();
        if (!guesses.waitBefore(guesser, now).isZero()) {
            throw new BusinessException("Too many unknown codes. Wait a minute, then try again.");
        }
        Optional<LoginRequest> found = em.createNamedQuery(LoginRequest.BY_USER_CODE, LoginRequest.class)
                .setParameter("code", LoginRequest.normalizeUserCode(typedCode))
                .setParameter("now", now)
                .getResultStream().findFirst()
                .filter(request -> request.isOpen(now));
        if (found.isEmpty()) {
            guesses.failed(guesser, now);
            throw new NotFound(UNKNOWN_CODE);
        }
        return found.get();
    }

    /** By code again, not by id, so that approving cannot skip the throttled lookup. */
    @RolesAllowed(Roles.USER)
    public LoginRequest approve(String typedCode) {
        LoginRequest request = lockedOpen(typedCode);
        Account me = em.createNamedQuery(Account.BY_USERNAME, Account.class)
                .setParameter("username", session.getCallerPrincipal().getName()).getSingleResult();
        request.approve(me, Instant.now());
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
