package dev.gatehouse.cache.entity;

import dev.gatehouse.workspace.entity.Workspace;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.io.Serializable;
import java.time.Instant;

/**
 * What is known about one stored artifact. Immutable: an entry is never overwritten, which is the
 * defence against cache poisoning (CREEP). The bytes are a file; this row is written after the file
 * is complete and in place, so a row never points at a partial artifact.
 */
@Entity
@Table(name = "CACHE_ENTRY", uniqueConstraints = @UniqueConstraint(columnNames = {"WORKSPACE_ID", "HASH"}))
@NamedQuery(name = CacheEntry.DELETE_OF, query = "DELETE FROM CacheEntry e WHERE e.workspace = :workspace")
public class CacheEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String DELETE_OF = "CacheEntry.deleteOf";
    public static final String ANONYMOUS = "anonymous";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    private Long id;

    @ManyToOne(optional = false)
    private Workspace workspace;

    @Column(nullable = false, length = 128)
    private String hash;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long size;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(nullable = false, length = 120)
    private String writtenBy;

    @Column(nullable = false)
    private Instant writtenAt;

    protected CacheEntry() {
        // for JPA
    }

    /** @param writtenBy the writer's username or workspace token, or null for a caller who presented no token */
    public CacheEntry(Workspace workspace, String hash, long size, String sha256, String writtenBy, Instant writtenAt) {
        this.workspace = workspace;
        this.hash = hash;
        this.size = size;
        this.sha256 = sha256;
        this.writtenBy = writtenBy == null ? ANONYMOUS : writtenBy;
        this.writtenAt = writtenAt;
    }

    public Long getId() {
        return id;
    }

    public Workspace getWorkspace() {
        return workspace;
    }

    public String getHash() {
        return hash;
    }

    public long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    public String getWrittenBy() {
        return writtenBy;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }
}
