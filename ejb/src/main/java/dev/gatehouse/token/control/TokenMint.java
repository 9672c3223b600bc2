package dev.gatehouse.token.control;

import dev.gatehouse.account.entity.Account;
import dev.gatehouse.audit.control.Audit;
import dev.gatehouse.common.BusinessException;
import dev.gatehouse.common.Problem;
import dev.gatehouse.common.entity.Names;
import dev.gatehouse.token.boundary.IssuedToken;
import dev.gatehouse.token.entity.PersonalAccessToken;
import dev.gatehouse.token.entity.TokenFormat;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Creates personal access tokens, for the profile page and for the CLI's browser log-in alike: the
 * name and expiry rules, the limit of active tokens, and the audit record.
 */
@Dependent
public class TokenMint {

    public static final String NAME_FIELD = "tokenName";
    public static final int MAX_ACTIVE = 100;
    /** The lifetimes a personal token may have, shortest first; none at all is allowed too. */
    public static final List<Integer> EXPIRY_DAYS = List.of(30, 90, 365);

    @PersistenceContext
    EntityManager em;

    @Inject
    Audit audit;

    /** @param expiresInDays 30, 90 or 365, or null for a token that never expires */
    public IssuedToken mint(Account owner, String name, Integer expiresInDays) {
        String checkedName = BusinessException.checking(NAME_FIELD, () -> Names.require(name));
        if (expiresInDays != null && !EXPIRY_DAYS.contains(expiresInDays)) {
            throw new BusinessException("A token expires after 30, 90 or 365 days, or never.");
        }
        Instant now = Instant.now();
        long active = em.createNamedQuery(PersonalAccessToken.COUNT_ACTIVE, Long.class)
                .setParameter("username", owner.getUsername()).setParameter("now", now).getSingleResult();
        if (active >= MAX_ACTIVE) {
            throw new BusinessException(List.of(new Problem(NAME_FIELD, "You have " + MAX_ACTIVE
                    + " active tokens, the most allowed. Revoke one you no longer use first.")));
        }
        String secret = TokenFormat.generate(TokenFormat.PERSONAL_PREFIX);
        PersonalAccessToken token = new PersonalAccessToken(owner, checkedName, secret, now,
                expiresInDays == null ? null : now.plus(Duration.ofDays(expiresInDays)));
        em.persist(token);
        audit.recordAs(owner.getUsername(), null, "create token", token.describe(), null, token.status(now).label());
        return new IssuedToken(token, secret);
    }
}
