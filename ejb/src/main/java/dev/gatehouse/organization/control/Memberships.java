package dev.gatehouse.organization.control;

import dev.gatehouse.account.control.CurrentAccount;
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
import java.util.Optional;

/**
 * Who belongs to which organization, the one place every feature asks: the checks each service
 * makes of the caller before it acts, and membership of anyone for the cache's access decision. An
 * organization or workspace the caller does not belong to is reported exactly like one that does
 * not exist, so guessing ids reveals nothing.
 */
@Dependent
public class Memberships {

    public static final String NO_SUCH_ORGANIZATION = "No such organization, or you are not a member of it.";
    public static final String ADMINS_ONLY = "Only the organization's admins can do this.";
    public static final String NO_SUCH_WORKSPACE = "No such workspace, or you are not a member of its organization.";

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentAccount caller;

    public Membership member(long organizationId) {
        return of(caller.name(), organizationId).orElseThrow(() -> new NotFound(NO_SUCH_ORGANIZATION));
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
        if (workspace == null || of(caller.name(), workspace.getOrganization().getId()).isEmpty()) {
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

    /** Anyone's membership, not only the caller's: a cache request names its person by token. */
    public Optional<Membership> of(String username, long organizationId) {
        return em.createNamedQuery(Membership.OF_ACCOUNT_IN, Membership.class)
                .setParameter("organization", organizationId)
                .setParameter("username", username)
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
