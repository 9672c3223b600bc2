package dev.gatehouse.audit.control;

import dev.gatehouse.account.control.CurrentAccount;
import dev.gatehouse.audit.entity.AuditRecord;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Writes the audit record of a change in the same transaction as the change itself. Never give it
 * a secret: records are shown to people.
 */
@Dependent
public class Audit {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentAccount caller;

    /** @param organizationId null for a change to the caller's own account */
    public void record(Long organizationId, String action, String subject, Object before, Object after) {
        recordAs(caller.name(), organizationId, action, subject, before, after);
    }

    /** For changes made on someone's behalf by a caller without an identity, such as a CLI log-in. */
    public void recordAs(String actor, Long organizationId, String action, String subject, Object before, Object after) {
        em.persist(new AuditRecord(organizationId, actor, action, subject, before, after, Instant.now()));
    }
}
