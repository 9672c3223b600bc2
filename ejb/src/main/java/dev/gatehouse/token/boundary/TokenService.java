package dev.gatehouse.token.boundary;

import dev.gatehouse.account.control.CurrentAccount;
import dev.gatehouse.audit.control.Audit;
import dev.gatehouse.common.NotFound;
import dev.gatehouse.security.Roles;
import dev.gatehouse.token.control.TokenMint;
import dev.gatehouse.token.entity.PersonalAccessToken;
import dev.gatehouse.token.entity.TokenFormat;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Issues, lists and revokes personal access tokens, and resolves a presented one to its owner. */
@Stateless
public class TokenService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentAccount caller;

    @Inject
    Audit audit;

    @EJB
    TokenLastUse lastUse;

    @Inject
    TokenMint mint;

    /** @param expiresInDays 30, 90 or 365, or null for a token that never expires */
    @RolesAllowed(Roles.USER)
    public IssuedToken issue(String name, Integer expiresInDays) {
        return mint.mint(caller.account(), name, expiresInDays);
    }

    @RolesAllowed(Roles.USER)
    public List<PersonalAccessToken> mine() {
        return em.createNamedQuery(PersonalAccessToken.OF_ACCOUNT, PersonalAccessToken.class)
                .setParameter("username", caller.name())
                .getResultList();
    }

    /** Someone else's token id is answered as if it did not exist. */
    @RolesAllowed(Roles.USER)
    public PersonalAccessToken revoke(long tokenId) {
        PersonalAccessToken token = em.find(PersonalAccessToken.class, tokenId);
        if (token == null || !token.getAccount().getUsername().equals(caller.name())) {
            throw new NotFound("No such token among yours.");
        }
        Instant now = Instant.now();
        String before = token.status(now).label();
        token.revoke(now);
        audit.record(null, "revoke token", token.describe(), before, token.status(now).label());
        return token;
    }

    /** Revokes the very token presented, for the CLI's log-out. */
    @RolesAllowed(Roles.USER)
    public PersonalAccessToken revokePresented(String presented) {
        String hash = TokenFormat.hash(presented == null ? "" : presented);
        PersonalAccessToken token = em.createNamedQuery(PersonalAccessToken.BY_HASH, PersonalAccessToken.class)
                .setParameter("hash", hash).getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("No such token among yours."));
        return revoke(token.getId());
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
                return new BearerCheck.Refused("This is not a Gatehouse personal access token (they start with "
                        + TokenFormat.PERSONAL_PREFIX + ")." + BearerCheck.AGAIN);
            case MISTYPED:
                return new BearerCheck.Refused("This personal access token is mistyped: its checksum does not match."
                        + " Copy it again from where you saved it.");
            default:
                break;
        }
        String hash = TokenFormat.hash(presented);
        Optional<PersonalAccessToken> found = em.createNamedQuery(PersonalAccessToken.BY_HASH, PersonalAccessToken.class)
                .setParameter("hash", hash).getResultStream().findFirst()
                .filter(token -> TokenFormat.sameHash(token.getTokenHash(), hash));
        if (found.isEmpty()) {
            return BearerCheck.unknown();
        }
        PersonalAccessToken token = found.get();
        Instant now = Instant.now();
        switch (token.status(now)) {
            case REVOKED:
                return BearerCheck.revoked();
            case EXPIRED:
                return BearerCheck.expired(token.getExpiresAt());
            default:
                if (token.recordUse(now, clientIp)) {
                    lastUse.record(token.getId(), now, clientIp);
                }
                return new BearerCheck.Person(token.getAccount().getUsername());
        }
    }
}
