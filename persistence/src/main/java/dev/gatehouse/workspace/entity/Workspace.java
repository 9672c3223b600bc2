package dev.gatehouse.workspace.entity;

import dev.gatehouse.common.entity.Names;
import dev.gatehouse.organization.entity.Organization;
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
import java.io.Serializable;
import java.time.Instant;

/**
 * An Nx workspace, known to its users by the {@code nxCloudId} in its nx.json, with the two access
 * levels of Nx Cloud: one for anyone who only knows the id, one for members with a personal token.
 */
@Entity
@Table(name = "WORKSPACE")
@NamedQuery(name = Workspace.IN, query = "SELECT w FROM Workspace w WHERE w.organization.id = :organization ORDER BY w.name")
@NamedQuery(name = Workspace.BY_NX_CLOUD_ID, query = "SELECT w FROM Workspace w WHERE w.nxCloudId = :nxCloudId")
@NamedQuery(name = Workspace.OF_MEMBER, query = "SELECT w FROM Workspace w JOIN FETCH w.organization WHERE w.organization.id IN"
        + " (SELECT m.organization.id FROM Membership m WHERE m.account.username = :username)"
        + " ORDER BY w.organization.name, w.organization.id, w.name")
@NamedQuery(name = Workspace.ID_OF, query = "SELECT w.id FROM Workspace w WHERE w.nxCloudId = :nxCloudId")
@NamedQuery(name = Workspace.CACHE_LIMIT_OF, query = "SELECT w.cacheLimit FROM Workspace w WHERE w.nxCloudId = :nxCloudId")
public class Workspace implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String IN = "Workspace.in";
    public static final String BY_NX_CLOUD_ID = "Workspace.byNxCloudId";
    /** Every workspace of the organizations a person belongs to. */
    public static final String OF_MEMBER = "Workspace.ofMember";
    /** Only the id, for a reference: loading the workspace would load its organization too. */
    public static final String ID_OF = "Workspace.idOf";
    public static final String CACHE_LIMIT_OF = "Workspace.cacheLimitOf";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    private Long id;

    @ManyToOne(optional = false)
    private Organization organization;

    @Column(nullable = false, length = Names.MAX)
    private String name;

    @Column(nullable = false, unique = true, length = NxCloudId.LENGTH)
    private String nxCloudId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccessLevel idAccessLevel = AccessLevel.READ_WRITE;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccessLevel patAccessLevel = AccessLevel.READ_WRITE;

    /** Whether members' uploads go to the trusted tier of the cache (README "Cache poisoning"). */
    @Column(nullable = false)
    private boolean membersUploadsTrusted = true;

    /** The most its cache may hold, in bytes; null for the server's default. */
    private Long cacheLimit;

    @Column(nullable = false)
    private Instant createdAt;

    protected Workspace() {
        // for JPA
    }

    public Workspace(Organization organization, String name, Instant createdAt) {
        this.organization = organization;
        this.name = Names.require(name);
        this.nxCloudId = NxCloudId.generate();
        this.createdAt = createdAt;
    }

    /**
     * The access decision, the only one in Gatehouse: a workspace access token gets its own level on
     * its own workspace and nothing elsewhere; members with a personal access token get the PAT
     * level; everyone else who knows the id gets the ID level.
     */
    public AccessLevel levelFor(Requester requester) {
        return levelFor(nxCloudId, idAccessLevel, patAccessLevel, requester);
    }

    /** The same decision from a workspace's columns, for the cache's hot path, which reads them without an entity. */
    public static AccessLevel levelFor(String nxCloudId, AccessLevel idAccessLevel, AccessLevel patAccessLevel, Requester requester) {
        if (requester instanceof Requester.WorkspaceTokenHolder holder) {
            return holder.nxCloudId().equals(nxCloudId) ? holder.level() : AccessLevel.NONE;
        }
        if (requester instanceof Requester.PatHolder holder && holder.member()) {
            return patAccessLevel;
        }
        return idAccessLevel;
    }

    /**
     * Whether the workspace trusts a requester's uploads, and so serves them only trusted entries: its
     * own read-write workspace tokens (CI on protected branches), and its members when the
     * workspace trusts members' uploads. Never anyone who only knows the id.
     */
    public boolean trusts(Requester requester) {
        return trusts(nxCloudId, membersUploadsTrusted, requester);
    }

    /** The same decision from a workspace's columns, for the cache's hot path. */
    public static boolean trusts(String nxCloudId, boolean membersUploadsTrusted, Requester requester) {
        if (requester instanceof Requester.WorkspaceTokenHolder holder) {
            return holder.nxCloudId().equals(nxCloudId) && holder.level() == AccessLevel.READ_WRITE;
        }
        return requester instanceof Requester.PatHolder holder && holder.member() && membersUploadsTrusted;
    }

    public void trustMembersUploads(boolean trusted) {
        this.membersUploadsTrusted = trusted;
    }

    /** @param bytes null for the server's default */
    public void limitCache(Long bytes) {
        if (bytes != null && bytes <= 0) {
            throw new IllegalArgumentException("A storage limit is a positive size.");
        }
        this.cacheLimit = bytes;
    }

    public Long getCacheLimit() {
        return cacheLimit;
    }

    public void rename(String newName) {
        this.name = Names.require(newName);
    }

    /** The PAT level is about members' tokens, which always at least read; NONE makes no sense there. */
    public void changeLevels(AccessLevel idLevel, AccessLevel patLevel) {
        if (idLevel == null || patLevel == null || !AccessLevel.BY_TOKEN.contains(patLevel)) {
            throw new IllegalArgumentException("Choose an ID access level (read-write, read-only or none) "
                    + "and a personal access token level (read-write or read-only).");
        }
        this.idAccessLevel = idLevel;
        this.patAccessLevel = patLevel;
    }

    public String nxJsonSnippet() {
        return "{ \"nxCloudId\": \"" + nxCloudId + "\" }";
    }

    public Long getId() {
        return id;
    }

    public Organization getOrganization() {
        return organization;
    }

    public String getName() {
        return name;
    }

    public String getNxCloudId() {
        return nxCloudId;
    }

    public AccessLevel getIdAccessLevel() {
        return idAccessLevel;
    }

    public AccessLevel getPatAccessLevel() {
        return patAccessLevel;
    }

    public boolean isMembersUploadsTrusted() {
        return membersUploadsTrusted;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
