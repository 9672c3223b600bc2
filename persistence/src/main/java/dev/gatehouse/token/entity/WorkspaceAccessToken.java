package dev.gatehouse.token.entity;

import dev.gatehouse.workspace.entity.AccessLevel;
import dev.gatehouse.workspace.entity.Workspace;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
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
public class WorkspaceAccessToken extends HashedToken {

    private static final long serialVersionUID = 1L;

    public static final String BY_HASH = "WorkspaceAccessToken.byHash";
    public static final String OF_WORKSPACE = "WorkspaceAccessToken.ofWorkspace";
    public static final String DELETE_OF = "WorkspaceAccessToken.deleteOf";

    @ManyToOne(optional = false)
    private Workspace workspace;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccessLevel level;

    protected WorkspaceAccessToken() {
        // for JPA
    }

    public WorkspaceAccessToken(Workspace workspace, String name, AccessLevel level, String token, Instant createdAt) {
        super(name, token, createdAt);
        if (level == null || !AccessLevel.BY_TOKEN.contains(level)) {
            throw new IllegalArgumentException("A workspace access token is read-only or read-write.");
        }
        this.workspace = workspace;
        this.level = level;
    }

    public boolean isActive() {
        return !isRevoked();
    }

    /** A workspace token does not expire: it is active until revoked. */
    public TokenStatus getStatus() {
        return isActive() ? TokenStatus.ACTIVE : TokenStatus.REVOKED;
    }

    public Workspace getWorkspace() {
        return workspace;
    }

    public AccessLevel getLevel() {
        return level;
    }

}
