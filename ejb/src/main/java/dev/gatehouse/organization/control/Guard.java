package dev.gatehouse.organization.control;

import dev.gatehouse.account.entity.Account;
import dev.gatehouse.common.Forbidden;
import dev.gatehouse.common.NotFound;
import dev.gatehouse.organization.entity.Membership;
import dev.gatehouse.organization.entity.Organization;
import dev.gatehouse.workspace.entity.Workspace;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.util.Optional;

/**
 * The membership checks every organization, workspace and workspace-token service makes before it
 * acts. An organization or workspace the caller does not belong to is reported exactly like one
 * that does not exist, so guessing ids reveals nothing.
 */
@Dependent
public class Guard {

    public static final String NO_SUCH_ORGANIZATION = "No such organization, or you are not a member of it.";
    public static final String ADMINS_ONLY = "Only the organization's admins can do this.";
    public static final String NO_SUCH_WORKSPACE = "No such workspace, or you are not a member of its organization.";

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
        return membership(organizationId).orElseThrow(() -> new NotFound(NO_SUCH_ORGANIZATION));
    }

    public Membership admin(long organizationId) {
        Membership membership = member(organizationId);
        if (!membership.isAdmin()) {
            throw new Forbidden(ADMINS_ONLY);
        }
        return membership;
    }

    /** A workspace of one of the caller's organizations; any other reads as one that does not exist. */
    public Workspace workspace(long workspaceId) {
        Workspace workspace = em.find(Workspace.class, workspaceId);
        if (workspace == null || membership(workspace.getOrganization().getId()).isEmpty()) {
            throw new NotFound(NO_SUCH_WORKSPACE);
        }
        return workspace;
    }

    /** A workspace of an organization the caller administers. */
    public Workspace administeredWorkspace(long workspaceId) {
        Workspace workspace = workspace(workspaceId);
        admin(workspace.getOrganization().getId());
        return workspace;
    }

    private Optional<Membership> membership(long organizationId) {
        return em.createNamedQuery(Membership.OF_ACCOUNT_IN, Membership.class)
                .setParameter("organization", organizationId)
                .setParameter("username", caller.getName())
                .getResultStream()
                .findFirst();
    }

    /**
     * Serializes changes to who the admins are, so that two admins demoting each other at once
     * cannot leave the organization with none.
     */
    public void lockAdmins(Organization organization) {
        em.lock(organization, LockModeType.PESSIMISTIC_WRITE);
    }
}
