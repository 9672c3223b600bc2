package dev.gatehouse.token.boundary;

import dev.gatehouse.account.entity.Account;
import dev.gatehouse.common.BusinessException;
import dev.gatehouse.common.NotFound;
import dev.gatehouse.common.Problem;
import dev.gatehouse.organization.control.Audit;
import dev.gatehouse.organization.entity.Names;
import dev.gatehouse.security.Roles;
import dev.gatehouse.token.entity.PersonalAccessToken;
import dev.gatehouse.token.entity.TokenFormat;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Issues, lists and revokes personal access tokens, and resolves a presented one to its owner. */
@Stateless
public class TokenService {

    public static final String NAME_FIELD = "tokenName";
    public static final int MAX_ACTIVE = 100;
    public static final Set<Integer> EXPIRY_DAYS = Set.of(30, 90, 365);
    static final String AGAIN = " Create a new one on your profile page (Personal access tokens) or run `gatehouse login`.";

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Audit audit;

    @EJB
    TokenUse lastUse;

    /** @param expiresInDays 30, 90 or 365, or null for a token that never expires */
    @RolesAllowed(Roles.USER)
    public IssuedToken issue(String name, Integer expiresInDays) {
        String checkedName;
        try {
            checkedName = Names.require(name);
        } catch (IllegalArgumentException refused) {
            throw BusinessException.about(NAME_FIELD, refused);
        }
        if (expiresInDays != null && !EXPIRY_DAYS.contains(expiresInDays)) {
            throw new BusinessException("A token expires after 30, 90 or 365 days, or never.");
        }
        Instant now = Instant.now();
        String username = session.getCallerPrincipal().getName();
        long active = em.createNamedQuery(PersonalAccessToken.COUNT_ACTIVE, Long.class)
                .setParameter("username", username).setParameter("now", now).getSingleResult();
        if (active >= MAX_ACTIVE) {
            throw new BusinessException(List.of(new Problem(NAME_FIELD, "You have " + MAX_ACTIVE
                    + " active tokens, the most allowed. Revoke one you no longer use first.")));
        }
        String secret = TokenFormat.generate(TokenFormat.PERSONAL_PREFIX);
        Account owner = em.createNamedQuery(Account.BY_USERNAME, Account.class)
                .setParameter("username", username).getSingleResult();
        PersonalAccessToken token = new PersonalAccessToken(owner, checkedName, secret, now,
                expiresInDays == null ? null : now.plus(Duration.ofDays(expiresInDays)));
        em.persist(token);
        audit.record(null, "create token", describe(token), null, token.status(now).label());
        return new IssuedToken(token, secret);
    }

    @RolesAllowed(Roles.USER)
    public List<PersonalAccessToken> mine() {
        return em.createNamedQuery(PersonalAccessToken.OF_ACCOUNT, PersonalAccessToken.class)
                .setParameter("username", session.getCallerPrincipal().getName())
                .getResultList();
    }

    /** Someone else's token id is answered as if it did not exist. */
    @RolesAllowed(Roles.USER)
    public PersonalAccessToken revoke(long tokenId) {
        PersonalAccessToken token = em.find(PersonalAccessToken.class, tokenId);
        if (token == null || !token.getAccount().getUsername().equals(session.getCallerPrincipal().getName())) {
            throw new NotFound("No such token among yours.");
        }
        Instant now = Instant.now();
        String before = token.status(now).label();
        token.revoke(now);
        audit.record(null, "revoke token", describe(token), before, token.status(now).label());
        return token;
    }

    /**
     * Open to everyone: this is how a program signs in. One indexed lookup and no transaction; the
     * last use is written, in a transaction of its own, at most once a minute.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public BearerCheck authenticate(String presented, String clientIp) {
        switch (TokenFormat.check(presented, TokenFormat.PERSONAL_PREFIX)) {
            case NOT_OURS:
                return BearerCheck.refused("This is not a Gatehouse personal access token (they start with "
                        + TokenFormat.PERSONAL_PREFIX + ")." + AGAIN);
            case MISTYPED:
                return BearerCheck.refused("This personal access token is mistyped: its checksum does not match."
                        + " Copy it again from where you saved it.");
            default:
                break;
        }
        String hash = TokenFormat.hash(presented);
        Optional<PersonalAccessToken> found = em.createNamedQuery(PersonalAccessToken.BY_HASH, PersonalAccessToken.class)
                .setParameter("hash", hash).getResultStream().findFirst()
                .filter(token -> TokenFormat.sameHash(token.getTokenHash(), hash));
        if (found.isEmpty()) {
            return BearerCheck.refused("This personal access token is unknown to this server." + AGAIN);
        }
        PersonalAccessToken token = found.get();
        Instant now = Instant.now();
        switch (token.status(now)) {
            case REVOKED:
                return BearerCheck.refused("This personal access token was revoked." + AGAIN);
            case EXPIRED:
                return BearerCheck.refused("This personal access token expired on " + token.getExpiresAt() + "." + AGAIN);
            default:
                if (token.recordUse(now, clientIp)) {
                    lastUse.record(token.getId(), now, clientIp);
                }
                return BearerCheck.valid(token.getAccount().getUsername());
        }
    }

    private static String describe(PersonalAccessToken token) {
        return token.getName() + " (…" + token.getHint() + ")";
    }
}
