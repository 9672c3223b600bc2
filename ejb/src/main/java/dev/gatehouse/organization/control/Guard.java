package dev.gatehouse.organization.control;

import dev.gatehouse.account.entity.Account;
import dev.gatehouse.common.Forbidden;
import dev.gatehouse.common.NotFound;
import dev.gatehouse.organization.entity.Membership;
import dev.gatehouse.organization.entity.Organization;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;

/**
 * The membership checks every organization and workspace service makes before it acts. An
 * organization the caller does not belong to is reported exactly like one that does not exist, so
 * guessing ids reveals nothing.
 */
@Dependent
public class Guard {

    public static final String NO_SUCH_ORGANIZATION = "No such organization, or you are not a member of it.";
    public static final String ADMINS_ONLY = "Only the organization's admins can do this.";

    @PersistenceContext
    EntityManager em;

    @Inject
    Principal caller;

    public String callerName() {
        return caller.getName();
    }

    public Account callerAccount() {
        return em.createNamedQuery(Account.BY_USERNAME, Account.class)
                .setParameter("username", caller.getName())
                .getSingleResult();
    }

    public Membership member(long organizationId) {
        return em.createNamedQuery(Membership.OF_ACCOUNT_IN, Membership.class)
                .setParameter("organization", organizationId)
                .setParameter("username", caller.getName())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFound(NO_SUCH_ORGANIZATION));
    }

    public Membership admin(long organizationId) {
        Membership membership = member(organizationId);
        if (!membership.isAdmin()) {
            throw new Forbidden(ADMINS_ONLY);
        }
        return membership;
    }

    /**
     * Serializes changes to who the admins are, so that two admins demoting each other at once
     * cannot leave the organization with none.
     */
    public void lockAdmins(Organization organization) {
        em.lock(organization, LockModeType.PESSIMISTIC_WRITE);
    }
}
