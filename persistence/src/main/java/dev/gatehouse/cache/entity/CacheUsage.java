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
import java.time.LocalDate;

/**
 * What one workspace's cache did on one day (UTC): requests by outcome, bytes served and stored,
 * and what it held at the day's last count. Counted in memory and added here in batches, never a
 * write per request; every node adds its own counts.
 */
@Entity
@Table(name = "CACHE_USAGE", uniqueConstraints = @UniqueConstraint(columnNames = {"WORKSPACE_ID", "USAGE_DAY"}))
@NamedQuery(name = CacheUsage.SINCE, query = "SELECT u FROM CacheUsage u WHERE u.workspace.id = :workspace"
        + " AND u.day >= :since ORDER BY u.day")
@NamedQuery(name = CacheUsage.ADD, query = "UPDATE CacheUsage u SET u.hits = u.hits + :hits, u.misses = u.misses + :misses,"
        + " u.stored = u.stored + :stored, u.refusedExisting = u.refusedExisting + :refusedExisting,"
        + " u.refusedReadOnly = u.refusedReadOnly + :refusedReadOnly, u.refusedTooLarge = u.refusedTooLarge + :refusedTooLarge,"
        + " u.refusedStorage = u.refusedStorage + :refusedStorage, u.bytesServed = u.bytesServed + :bytesServed,"
        + " u.bytesStored = u.bytesStored + :bytesStored WHERE u.workspace.id = :workspace AND u.day = :day")
@NamedQuery(name = CacheUsage.HOLDING, query = "UPDATE CacheUsage u SET u.entriesHeld = :entries, u.bytesHeld = :bytes"
        + " WHERE u.workspace.id = :workspace AND u.day = :day")
@NamedQuery(name = CacheUsage.READS_SINCE, query = "SELECT u.workspace.id, SUM(u.hits), SUM(u.misses) FROM CacheUsage u"
        + " WHERE u.workspace.id IN :workspaces AND u.day >= :since GROUP BY u.workspace.id")
@NamedQuery(name = CacheUsage.DELETE_OF, query = "DELETE FROM CacheUsage u WHERE u.workspace = :workspace")
public class CacheUsage implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String SINCE = "CacheUsage.since";
    /** Adds counts to a day's row; updates nothing when the row does not exist yet. */
    public static final String ADD = "CacheUsage.add";
    public static final String HOLDING = "CacheUsage.holding";
    public static final String DELETE_OF = "CacheUsage.deleteOf";
    /** Per workspace of a list: hits and misses since a day. */
    public static final String READS_SINCE = "CacheUsage.readsSince";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    private Long id;

    @ManyToOne(optional = false)
    private Workspace workspace;

    @Column(name = "USAGE_DAY", nullable = false)
    private LocalDate day;

    private long hits;
    private long misses;
    private long stored;
    private long refusedExisting;
    private long refusedReadOnly;
    private long refusedTooLarge;
    private long refusedStorage;
    private long bytesServed;
    private long bytesStored;
    private long entriesHeld;
    private long bytesHeld;

    protected CacheUsage() {
        // for JPA
    }

    /** A day's first row, before any counts are added to it. */
    public CacheUsage(Workspace workspace, LocalDate day) {
        this.workspace = workspace;
        this.day = day;
    }

    /** Hits among reads, 0 to 1; null on a day without reads. */
    public Double hitRate() {
        return hits + misses == 0 ? null : (double) hits / (hits + misses);
    }

    public long refused() {
        return refusedExisting + refusedReadOnly + refusedTooLarge + refusedStorage;
    }

    public LocalDate getDay() {
        return day;
    }

    public long getHits() {
        return hits;
    }

    public long getMisses() {
        return misses;
    }

    public long getStored() {
        return stored;
    }

    public long getRefusedExisting() {
        return refusedExisting;
    }

    public long getRefusedReadOnly() {
        return refusedReadOnly;
    }

    public long getRefusedTooLarge() {
        return refusedTooLarge;
    }

    public long getRefusedStorage() {
        return refusedStorage;
    }

    public long getBytesServed() {
        return bytesServed;
    }

    public long getBytesStored() {
        return bytesStored;
    }

    public long getEntriesHeld() {
        return entriesHeld;
    }

    public long getBytesHeld() {
        return bytesHeld;
    }
}
