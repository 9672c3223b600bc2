package dev.gatehouse.token.entity;

import dev.gatehouse.workspace.entity.AccessLevel;
import dev.gatehouse.workspace.entity.Workspace;
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
 * A token for one workspace, with a level of its own: what Nx Cloud issues for CI, and what
 * legacy {@code nxCloudAccessToken} values in nx.json are. Typically read-write for CI on protected
 * branches while developers' personal tokens stay read-only. Stored as a hash only.
 */
@Entity
@Table(name = "WORKSPACE_ACCESS_TOKEN")
@NamedQuery(name = WorkspaceAccessToken.BY_HASH,
        query = "SELECT t FROM WorkspaceAccessToken t JOIN FETCH t.workspace WHERE t.tokenHash = :hash")
@NamedQuery(name = WorkspaceAccessToken.OF_WORKSPACE,
        query = "SELECT t FROM WorkspaceAccessToken t WHERE t.workspace = :workspace ORDER BY t.createdAt DESC, t.id DESC")
@NamedQuery(name = WorkspaceAccessToken.DELETE_OF, query = "DELETE FROM WorkspaceAccessToken t WHERE t.workspace = :workspace")
public class WorkspaceAccessToken implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String BY_HASH = "WorkspaceAccessToken.byHash";
    public static final String OF_WORKSPACE = "WorkspaceAccessToken.ofWorkspace";
    public static final String DELETE_OF = "WorkspaceAccessToken.deleteOf";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    private Long id;

    @ManyToOne(optional = false)
    private Workspace workspace;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccessLevel level;

    @Column(nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(nullable = false, length = 8)
    private String hint;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant revokedAt;

    protected WorkspaceAccessToken() {
        // for JPA
    }

    public WorkspaceAccessToken(Workspace workspace, String name, AccessLevel level, String token, Instant createdAt) {
        if (level != AccessLevel.READ_ONLY && level != AccessLevel.READ_WRITE) {
            throw new IllegalArgumentException("A workspace access token is read-only or read-write.");
        }
        this.workspace = workspace;
        this.name = name;
        this.level = level;
        this.tokenHash = TokenFormat.hash(token);
        this.hint = TokenFormat.hint(token);
        this.createdAt = createdAt;
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public Workspace getWorkspace() {
        return workspace;
    }

    public String getName() {
        return name;
    }

    public AccessLevel getLevel() {
        return level;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public String getHint() {
        return hint;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
