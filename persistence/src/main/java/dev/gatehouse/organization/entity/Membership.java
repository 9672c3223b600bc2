package dev.gatehouse.organization.entity;

import dev.gatehouse.account.entity.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.io.Serializable;
import java.time.Instant;

/** One account's place in one organization. */
@Entity
@Table(name = "MEMBERSHIP", uniqueConstraints = @UniqueConstraint(columnNames = {"ORGANIZATION_ID", "ACCOUNT_ID"}))
@NamedQuery(name = Membership.OF_ACCOUNT_IN, query = "SELECT m FROM Membership m"
        + " WHERE m.organization.id = :organization AND m.account.username = :username")
@NamedQuery(name = Membership.OF_ACCOUNT, query = "SELECT m FROM Membership m JOIN FETCH m.organization"
        + " WHERE m.account.username = :username ORDER BY m.organization.name")
@NamedQuery(name = Membership.IN, query = "SELECT m FROM Membership m JOIN FETCH m.account"
        + " WHERE m.organization.id = :organization ORDER BY m.account.username")
@NamedQuery(name = Membership.COUNT_ADMINS, query = "SELECT COUNT(m) FROM Membership m"
        + " WHERE m.organization.id = :organization AND m.role = dev.gatehouse.organization.entity.Role.ADMIN")
public class Membership implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String OF_ACCOUNT_IN = "Membership.ofAccountIn";
    public static final String OF_ACCOUNT = "Membership.ofAccount";
    public static final String IN = "Membership.in";
    public static final String COUNT_ADMINS = "Membership.countAdmins";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    private Long id;

    @ManyToOne(optional = false)
    private Organization organization;

    @ManyToOne(optional = false)
    private Account account;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(nullable = false)
    private Instant since;

    protected Membership() {
        // for JPA
    }

    public Membership(Organization organization, Account account, Role role, Instant since) {
        this.organization = organization;
        this.account = account;
        this.role = role;
        this.since = since;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean belongsTo(long organizationId) {
        return organization.getId() == organizationId;
    }

    public void changeRole(Role newRole) {
        this.role = newRole;
    }

    public Long getId() {
        return id;
    }

    public Organization getOrganization() {
        return organization;
    }

    public Account getAccount() {
        return account;
    }

    public Role getRole() {
        return role;
    }

    public Instant getSince() {
        return since;
    }
}
