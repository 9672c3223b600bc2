package dev.gatehouse.cache.entity;

import dev.gatehouse.workspace.entity.Workspace;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.io.Serializable;
import java.time.Instant;

/**
 * One stored artifact and its provenance: which tier holds it, who wrote it with which token, from
 * where, when, and the SHA-256 of its bytes. Immutable: an entry is never overwritten within its
 * tier. The bytes are a file or an S3 object; this row is written after they are complete and in place,
 * so a row never points at a partial artifact.
 */
@Entity
@Table(name = "CACHE_ENTRY", uniqueConstraints = @UniqueConstraint(columnNames = {"WORKSPACE_ID", "TIER", "HASH"}),
        indexes = {@Index(name = "CACHE_ENTRY_WRITTEN_AT", columnList = "WORKSPACE_ID, WRITTENAT"),
                @Index(name = "CACHE_ENTRY_WRITER", columnList = "WORKSPACE_ID, WRITERKIND, WRITTENBY"),
                @Index(name = "CACHE_ENTRY_USED_IN", columnList = "WORKSPACE_ID, LASTUSEDAT"),
                @Index(name = "CACHE_ENTRY_USED", columnList = "LASTUSEDAT")})
@NamedQuery(name = CacheEntry.DELETE_OF, query = "DELETE FROM CacheEntry e WHERE e.workspace = :workspace")
@NamedQuery(name = CacheEntry.TOTALS, query = "SELECT e.tier, COUNT(e), SUM(e.size) FROM CacheEntry e"
        + " WHERE e.workspace.id = :workspace GROUP BY e.tier")
@NamedQuery(name = CacheEntry.RECENT, query = "SELECT e FROM CacheEntry e WHERE e.workspace.id = :workspace"
        + " ORDER BY e.writtenAt DESC, e.id DESC")
@NamedQuery(name = CacheEntry.BY_HASH, query = "SELECT e FROM CacheEntry e WHERE e.workspace.id = :workspace"
        + " AND e.hash = :hash ORDER BY e.tier")
@NamedQuery(name = CacheEntry.BY_ID, query = "SELECT e FROM CacheEntry e WHERE e.workspace.id = :workspace"
        + " AND e.id = :id")
@NamedQuery(name = CacheEntry.IN_TIER, query = "SELECT e FROM CacheEntry e WHERE e.workspace.id = :workspace"
        + " AND e.tier = :tier")
@NamedQuery(name = CacheEntry.BY_TOKEN, query = "SELECT e FROM CacheEntry e WHERE e.workspace.id = :workspace"
        + " AND e.writerKind = :kind AND e.tokenId = :tokenId")
@NamedQuery(name = CacheEntry.BY_PERSON, query = "SELECT e FROM CacheEntry e WHERE e.workspace.id = :workspace"
        + " AND e.writerKind = dev.gatehouse.cache.entity.Writer.Kind.PERSON AND e.writtenBy = :username")
@NamedQuery(name = CacheEntry.HELD_PER_WORKSPACE, query = "SELECT e.workspace.id, e.workspace.cacheLimit, SUM(e.size),"
        + " COUNT(e) FROM CacheEntry e GROUP BY e.workspace.id, e.workspace.cacheLimit")
@NamedQuery(name = CacheEntry.LARGEST, query = "SELECT e FROM CacheEntry e WHERE e.workspace.id = :workspace"
        + " ORDER BY e.size DESC, e.id")
@NamedQuery(name = CacheEntry.HELD_IN, query = "SELECT e.workspace.id, SUM(e.size) FROM CacheEntry e"
        + " WHERE e.workspace.id IN :workspaces GROUP BY e.workspace.id")
@NamedQuery(name = CacheEntry.HELD, query = "SELECT SUM(e.size) FROM CacheEntry e")
// By the workspace's id, not a subquery on its nxCloudId: H2 then finds the row by the unique key
// instead of scanning every entry not used for an hour (bench/scale/run found it).
@NamedQuery(name = CacheEntry.USED, query = "UPDATE CacheEntry e SET e.lastUsedAt = :at WHERE e.workspace.id = :workspace"
        + " AND e.tier = :tier AND e.hash = :hash AND e.lastUsedAt < :before")
// Each in the exact order of an index, bounded on both of its columns, so that the database reads
// the first entries of the index and stops, instead of sorting every entry for each batch: H2 does
// that only so (bench/scale/run: 8 s a batch among a million entries before, milliseconds after).
@NamedQuery(name = CacheEntry.LEAST_RECENTLY_USED_IN, query = "SELECT e FROM CacheEntry e WHERE e.workspace.id = :workspace"
        + " AND e.lastUsedAt < :before ORDER BY e.workspace.id, e.lastUsedAt")
@NamedQuery(name = CacheEntry.LEAST_RECENTLY_USED, query = "SELECT e FROM CacheEntry e WHERE e.lastUsedAt < :before"
        + " ORDER BY e.lastUsedAt")
@NamedQuery(name = CacheEntry.UNUSED_SINCE, query = "SELECT e FROM CacheEntry e WHERE e.lastUsedAt < :before ORDER BY e.lastUsedAt")
@NamedQuery(name = CacheEntry.STORED_AS, query = "SELECT e.tier, e.size, e.objectKey FROM CacheEntry e"
        + " WHERE e.workspace.nxCloudId = :nxCloudId AND e.hash = :hash")
@NamedQuery(name = CacheEntry.DELETE_BY_IDS, query = "DELETE FROM CacheEntry e WHERE e.id IN :ids")
public class CacheEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String DELETE_OF = "CacheEntry.deleteOf";
    /** Per tier of one workspace: tier, number of entries, bytes. */
    public static final String TOTALS = "CacheEntry.totals";
    public static final String RECENT = "CacheEntry.recent";
    public static final String BY_HASH = "CacheEntry.byHash";
    public static final String BY_ID = "CacheEntry.byId";
    public static final String IN_TIER = "CacheEntry.inTier";
    public static final String BY_TOKEN = "CacheEntry.byToken";
    public static final String BY_PERSON = "CacheEntry.byPerson";
    public static final String DELETE_BY_IDS = "CacheEntry.deleteByIds";
    public static final String HELD = "CacheEntry.held";
    /** Per workspace of a list: the bytes its entries hold. */
    public static final String HELD_IN = "CacheEntry.heldIn";
    /** Notes a read as the entry's last use, unless one was noted within the hour before. */
    public static final String USED = "CacheEntry.used";
    public static final String LARGEST = "CacheEntry.largest";
    /** Per workspace: its id, its limit (null for the default), the bytes its entries hold and how many. */
    public static final String HELD_PER_WORKSPACE = "CacheEntry.heldPerWorkspace";
    public static final String LEAST_RECENTLY_USED_IN = "CacheEntry.leastRecentlyUsedIn";
    public static final String LEAST_RECENTLY_USED = "CacheEntry.leastRecentlyUsed";
    public static final String UNUSED_SINCE = "CacheEntry.unusedSince";
    /** Per tier that holds a hash of a workspace: tier, size, object key. */
    public static final String STORED_AS = "CacheEntry.storedAs";
    /** A workspace id, a tier, a hash and a random upload id, with their separators. */
    public static final int OBJECT_KEY_MAX = 256;

    /** An IPv6 address in its longest text form. */
    public static final int ADDRESS_MAX = 45;

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    private Long id;

    @ManyToOne(optional = false)
    private Workspace workspace;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Tier tier;

    @Column(nullable = false, length = 128)
    private String hash;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long size;

    @Column(nullable = false, length = 64)
    private String sha256;

    /** The object that holds the bytes in an S3 bucket; none in a folder, where the key names the file. */
    @Column(length = OBJECT_KEY_MAX)
    private String objectKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Writer.Kind writerKind;

    @Column(nullable = false, length = 120)
    private String writtenBy;

    private Long tokenId;

    @Column(length = ADDRESS_MAX)
    private String clientAddress;

    @Column(nullable = false)
    private Instant writtenAt;

    /** When it was last written or read, to the hour: eviction takes the least recently used first. */
    @Column(nullable = false)
    private Instant lastUsedAt;

    protected CacheEntry() {
        // for JPA
    }

    public CacheEntry(Workspace workspace, Tier tier, String hash, long size, String sha256, String objectKey, Writer writer,
            String clientAddress, Instant writtenAt) {
        this.workspace = workspace;
        this.tier = tier;
        this.hash = hash;
        this.size = size;
        this.sha256 = sha256;
        this.objectKey = objectKey;
        this.writerKind = writer.kind();
        this.writtenBy = writer.name();
        this.tokenId = writer.tokenId();
        this.clientAddress = clientAddress == null || clientAddress.length() > ADDRESS_MAX ? null : clientAddress;
        this.writtenAt = writtenAt;
        this.lastUsedAt = writtenAt;
    }

    public CacheKey key() {
        return new CacheKey(workspace.getNxCloudId(), hash);
    }

    public Writer writer() {
        return new Writer(writerKind, writtenBy, tokenId);
    }

    public Long getId() {
        return id;
    }

    public Workspace getWorkspace() {
        return workspace;
    }

    public Tier getTier() {
        return tier;
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

    public String getObjectKey() {
        return objectKey;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
