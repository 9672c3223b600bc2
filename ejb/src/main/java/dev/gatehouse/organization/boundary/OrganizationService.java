package dev.gatehouse.organization.boundary;

import dev.gatehouse.account.control.CurrentAccount;
import dev.gatehouse.audit.control.Audit;
import dev.gatehouse.audit.entity.AuditRecord;
import dev.gatehouse.common.BusinessException;
import dev.gatehouse.organization.control.Memberships;
import dev.gatehouse.organization.entity.Membership;
import dev.gatehouse.organization.entity.Organization;
import dev.gatehouse.organization.entity.Role;
import dev.gatehouse.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Creates organizations and shows a caller theirs. Members are managed by {@link MembershipService}. */
@Stateless
public class OrganizationService {

    public static final String NAME_FIELD = "organizationName";

    @PersistenceContext
    EntityManager em;

    @Inject
    Memberships memberships;

    @Inject
    CurrentAccount caller;

    @Inject
    Audit audit;

    /** Any signed-in user may create one, and becomes its first admin. */
    @RolesAllowed(Roles.USER)
    public Organization create(String name) {
        Organization organization = BusinessException.checking(NAME_FIELD, () -> new Organization(name, Instant.now()));
        em.persist(organization);
        em.persist(new Membership(organization, caller.account(), Role.ADMIN, Instant.now()));
        em.flush();
        audit.record(organization.getId(), "create organization", organization.getName(), null, organization.getName());
        return organization;
    }

    @RolesAllowed(Roles.USER)
    public List<Membership> mine() {
        return em.createNamedQuery(Membership.OF_ACCOUNT, Membership.class)
                .setParameter("username", caller.name())
                .getResultList();
    }

    /** The caller's own membership, which also tells a page whether to offer admin actions. */
    @RolesAllowed(Roles.USER)
    public Membership myMembership(long organizationId) {
        return memberships.member(organizationId);
    }

    @RolesAllowed(Roles.USER)
    public List<AuditRecord> auditTrail(long organizationId) {
        memberships.admin(organizationId);
        return em.createNamedQuery(AuditRecord.OF, AuditRecord.class)
                .setParameter("organization", organizationId)
                .setMaxResults(200)
                .getResultList();
    }
}
