package dev.gatehouse.organization.boundary;

import dev.gatehouse.account.entity.Account;
import dev.gatehouse.audit.control.Audit;
import dev.gatehouse.common.BusinessException;
import dev.gatehouse.common.NotFound;
import dev.gatehouse.common.Problem;
import dev.gatehouse.organization.control.Memberships;
import dev.gatehouse.organization.entity.Membership;
import dev.gatehouse.organization.entity.Role;
import dev.gatehouse.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who belongs to an organization and with which role. Admins add, remove, promote and demote;
 * anyone may leave; an organization always keeps at least one admin. Removing someone takes effect
 * on their next request, because access is decided from these rows every time.
 */
@Stateless
public class MembershipService {

    public static final String LOGIN_FIELD = "newMember";
    static final String LAST_ADMIN = "An organization needs at least one admin. Make another member admin first.";

    @PersistenceContext
    EntityManager em;

    @Inject
    Memberships memberships;

    @Inject
    Audit audit;

    @RolesAllowed(Roles.USER)
    public List<Membership> members(long organizationId) {
        memberships.member(organizationId);
        return em.createNamedQuery(Membership.IN, Membership.class)
                .setParameter("organization", organizationId)
                .getResultList();
    }

    /**
     * Adds an account by username or email. A username that matches nobody is refused, since
     * usernames are public inside an organization. An email address is answered the same whether
     * or not it has an account, and whether or not that account is a member already (empty), so
     * that adding members cannot be used to learn who has signed up.
     */
    @RolesAllowed(Roles.USER)
    public Optional<Membership> add(long organizationId, String usernameOrEmail) {
        Membership admin = memberships.admin(organizationId);
        String login = Account.canonical(usernameOrEmail);
        if (login.isEmpty()) {
            throw new BusinessException(List.of(new Problem(LOGIN_FIELD, "Enter the username or email of the person to add.")));
        }
        boolean byEmail = Account.isEmailAddress(login);
        Optional<Account> found = em.createNamedQuery(Account.BY_LOGIN, Account.class)
                .setParameter("login", login)
                .getResultStream().findFirst();
        if (found.isEmpty() && byEmail) {
            return Optional.empty();
        }
        Account account = found.orElseThrow(() -> new BusinessException(List.of(new Problem(LOGIN_FIELD,
                "No account has the username '" + login + "'. They need to sign up first."))));
        boolean already = members(organizationId).stream()
                .anyMatch(m -> m.getAccount().getId().equals(account.getId()));
        if (already && byEmail) {
            return Optional.empty();
        }
        if (already) {
            throw new BusinessException(List.of(new Problem(LOGIN_FIELD, account.getUsername() + " is a member already.")));
        }
        Membership membership = new Membership(admin.getOrganization(), account, Role.MEMBER, Instant.now());
        em.persist(membership);
        audit.record(organizationId, "add member", account.getUsername(), null, Role.MEMBER);
        return Optional.of(membership);
    }

    @RolesAllowed(Roles.USER)
    public void remove(long organizationId, long membershipId) {
        memberships.admin(organizationId);
        Membership membership = sameOrganization(organizationId, membershipId);
        keepAnAdmin(membership);
        em.remove(membership);
        audit.record(organizationId, "remove member", membership.getAccount().getUsername(), membership.getRole(), null);
    }

    @RolesAllowed(Roles.USER)
    public void changeRole(long organizationId, long membershipId, Role role) {
        memberships.admin(organizationId);
        Membership membership = sameOrganization(organizationId, membershipId);
        Role before = membership.getRole();
        if (role == null || role == before) {
            return;
        }
        if (role == Role.MEMBER) {
            keepAnAdmin(membership);
        }
        membership.changeRole(role);
        audit.record(organizationId, "change role", membership.getAccount().getUsername(), before, role);
    }

    @RolesAllowed(Roles.USER)
    public void leave(long organizationId) {
        Membership mine = memberships.member(organizationId);
        keepAnAdmin(mine);
        em.remove(mine);
        audit.record(organizationId, "leave", mine.getAccount().getUsername(), mine.getRole(), null);
    }

    /** Another organization's membership id is answered as if it did not exist. */
    private Membership sameOrganization(long organizationId, long membershipId) {
        Membership membership = em.find(Membership.class, membershipId);
        if (membership == null || !membership.belongsTo(organizationId)) {
            throw new NotFound("No such member in this organization.");
        }
        return membership;
    }

    private void keepAnAdmin(Membership leaving) {
        if (!leaving.isAdmin()) {
            return;
        }
        memberships.lockAdmins(leaving.getOrganization());
        long admins = em.createNamedQuery(Membership.COUNT_ADMINS, Long.class)
                .setParameter("organization", leaving.getOrganization().getId())
                .getSingleResult();
        if (admins <= 1) {
            throw new BusinessException(LAST_ADMIN);
        }
    }
}
