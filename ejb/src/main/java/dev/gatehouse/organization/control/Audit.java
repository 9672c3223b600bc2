package dev.gatehouse.organization.control;

import dev.gatehouse.organization.entity.AuditRecord;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.time.Instant;

/** Writes the audit record of a change in the same transaction as the change itself. */
@Dependent
public class Audit {

    @PersistenceContext
    EntityManager em;

    @Inject
    Principal caller;

    public void record(long organizationId, String action, String subject, Object before, Object after) {
        em.persist(new AuditRecord(organizationId, caller.getName(), action, subject, before, after, Instant.now()));
    }
}
