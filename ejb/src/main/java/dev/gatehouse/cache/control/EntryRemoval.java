package dev.gatehouse.cache.control;

import dev.gatehouse.cache.entity.CacheEntry;
import dev.gatehouse.cache.entity.CacheKey;
import dev.gatehouse.cache.entity.Tier;
import dev.gatehouse.common.AfterCommit;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Logger;

/**
 * Removes cache entries, purged or evicted: their records in the caller's transaction, their bytes
 * once it has committed. A reader that has a file open reads it to the end; a removed hash can be
 * written again.
 */
@Dependent
public class EntryRemoval {

    private static final Logger LOG = Logger.getLogger(EntryRemoval.class.getName());
    /** Ids per DELETE statement, well under every database's limit on bound parameters. */
    private static final int DELETE_BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    ArtifactStore artifacts;

    @Inject
    AfterCommit afterCommit;

    private record Removed(CacheKey key, Tier tier, String objectKey) {
    }

    /** @return the bytes the removed entries held */
    public long remove(List<CacheEntry> entries) {
        List<Long> ids = entries.stream().map(CacheEntry::getId).toList();
        for (int from = 0; from < ids.size(); from += DELETE_BATCH) {
            em.createNamedQuery(CacheEntry.DELETE_BY_IDS)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + DELETE_BATCH))).executeUpdate();
        }
        List<Removed> removed = entries.stream().map(entry -> new Removed(entry.key(), entry.getTier(), entry.getObjectKey())).toList();
        afterCommit.run(() -> {
            for (Removed entry : removed) {
                try {
                    artifacts.remove(entry.key(), entry.tier(), entry.objectKey());
                } catch (UncheckedIOException e) {
                    LOG.warning(() -> "A removed cache entry's bytes stay behind: " + e.getCause());
                }
            }
        });
        return entries.stream().mapToLong(CacheEntry::getSize).sum();
    }
}
