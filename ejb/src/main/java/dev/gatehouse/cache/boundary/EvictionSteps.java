package dev.gatehouse.cache.boundary;

import dev.gatehouse.cache.control.EntryRemoval;
import dev.gatehouse.cache.control.ReadLog;
import dev.gatehouse.cache.entity.CacheEntry;
import dev.gatehouse.cache.entity.CacheJobLease;
import dev.gatehouse.workspace.entity.Workspace;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of the cache's eviction, each a short transaction of its own, so that removing many
 * entries never holds long locks. Called by the eviction timer alone, which runs as no one: hence
 * {@code @PermitAll} on a bean that no web or remote caller can reach.
 */
@Stateless
@PermitAll
public class EvictionSteps {

    /** Last use is written at most once an hour per entry: reads stay cheap, and LRU needs no more. */
    static final Duration USE_RESOLUTION = Duration.ofHours(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    EntryRemoval removal;

    /** What one step removed. */
    public record Removed(int entries, long bytes) {

        public static final Removed NOTHING = new Removed(0, 0);

        public Removed plus(Removed other) {
            return new Removed(entries + other.entries, bytes + other.bytes);
        }
    }

    /** A workspace over its limit: how many bytes must go to be 10 % under it. */
    public record Excess(long workspaceId, long bytes) {
    }

    /** Whether this node may run the eviction now; a node that dies lets the lease run out. */
    public boolean takeLease(String node, Duration length) {
        Instant now = Instant.now();
        return em.createNamedQuery(CacheJobLease.TAKE).setParameter("holder", node).setParameter("until", now.plus(length))
                .setParameter("job", CacheJobLease.EVICTION).setParameter("now", now).executeUpdate() == 1;
    }

    public void releaseLease(String node) {
        em.createNamedQuery(CacheJobLease.RELEASE).setParameter("holder", node).setParameter("job", CacheJobLease.EVICTION)
                .setParameter("now", Instant.now()).executeUpdate();
    }

    public void recordReads(List<ReadLog.Read> reads, Instant at) {
        Map<String, List<Long>> workspaces = new HashMap<>();
        for (ReadLog.Read read : reads) {
            // Empty for a workspace deleted since the read.
            for (Long workspace : workspaces.computeIfAbsent(read.nxCloudId(), nxCloudId -> em.createNamedQuery(
                    Workspace.ID_OF, Long.class).setParameter("nxCloudId", nxCloudId).getResultList())) {
                em.createNamedQuery(CacheEntry.USED).setParameter("at", at).setParameter("workspace", workspace)
                        .setParameter("tier", read.tier()).setParameter("hash", read.hash())
                        .setParameter("before", at.minus(USE_RESOLUTION)).executeUpdate();
            }
        }
    }

    public long held() {
        Long held = em.createNamedQuery(CacheEntry.HELD, Long.class).getSingleResult();
        return held == null ? 0 : held;
    }

    /** Up to {@code batch} entries not used since the given time. */
    public Removed removeUnusedSince(Instant since, int batch) {
        return remove(em.createNamedQuery(CacheEntry.UNUSED_SINCE, CacheEntry.class).setParameter("before", since)
                .setMaxResults(batch).getResultList());
    }

    /** The workspaces over their limits, and what the whole cache holds: one pass over the entries. */
    /** @param total bytes held, @param entries entries held */
    public record Holdings(List<Excess> overLimit, long total, long entries) {
    }

    public Holdings holdings(long defaultLimit) {
        List<Excess> over = new ArrayList<>();
        long total = 0;
        long entries = 0;
        for (Object[] row : em.createNamedQuery(CacheEntry.HELD_PER_WORKSPACE, Object[].class).getResultList()) {
            long limit = row[1] == null ? defaultLimit : ((Number) row[1]).longValue();
            long held = ((Number) row[2]).longValue();
            total += held;
            entries += ((Number) row[3]).longValue();
            if (held > limit) {
                over.add(new Excess((Long) row[0], held - limitWithRoom(limit)));
            }
        }
        return new Holdings(over, total, entries);
    }

    /**
     * Frees at least {@code bytes}, least recently used entries first, but no more than
     * {@code batch} entries in this step.
     *
     * @param workspaceId a workspace's entries only, or null for every workspace's
     */
    public Removed removeLeastRecentlyUsed(Long workspaceId, long bytes, int batch) {
        TypedQuery<CacheEntry> query = workspaceId == null
                ? em.createNamedQuery(CacheEntry.LEAST_RECENTLY_USED, CacheEntry.class)
                : em.createNamedQuery(CacheEntry.LEAST_RECENTLY_USED_IN, CacheEntry.class).setParameter("workspace", workspaceId);
        // Entries used from now on are not the least recently used; the bound lets the index answer.
        List<CacheEntry> candidates = query.setParameter("before", Instant.now()).setMaxResults(batch).getResultList();
        long[] sizes = candidates.stream().mapToLong(CacheEntry::getSize).toArray();
        return remove(candidates.subList(0, entriesToFree(sizes, bytes)));
    }

    /** Evicting stops 10 % under a limit, so that a cache at its limit is not evicted on every upload. */
    public static long limitWithRoom(long limit) {
        return limit - limit / 10;
    }

    /** How many of the first entries (least recently used first) free at least {@code bytes}. */
    static int entriesToFree(long[] sizes, long bytes) {
        int count = 0;
        for (long freed = 0; freed < bytes && count < sizes.length; count++) {
            freed += sizes[count];
        }
        return count;
    }

    private Removed remove(List<CacheEntry> entries) {
        return entries.isEmpty() ? Removed.NOTHING : new Removed(entries.size(), removal.remove(entries));
    }
}
