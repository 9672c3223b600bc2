package dev.gatehouse.token.boundary;

import dev.gatehouse.token.entity.PersonalAccessToken;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Writes a token's last use, apart from the lookup that found it, which needs no transaction. */
@Stateless
public class TokenLastUse {

    @PersistenceContext
    EntityManager em;

    /** Open to everyone, like {@link TokenService#authenticate}, whose caller has no identity yet. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(long tokenId, Instant at, String ip) {
        em.createNamedQuery(PersonalAccessToken.RECORD_USE)
                .setParameter("id", tokenId).setParameter("at", at).setParameter("ip", ip)
                .executeUpdate();
    }
}
