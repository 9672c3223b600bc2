package dev.gatehouse.cache.boundary;

import dev.gatehouse.cache.control.ArtifactStore.Stored;
import dev.gatehouse.cache.entity.CacheEntry;
import dev.gatehouse.cache.entity.CacheKey;
import dev.gatehouse.cache.entity.Tier;
import dev.gatehouse.cache.entity.Writer;
import dev.gatehouse.common.Turns;
import dev.gatehouse.config.Settings;
import dev.gatehouse.security.Roles;
import dev.gatehouse.workspace.entity.Workspace;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/** Records stored artifacts, each in a short transaction of its own after its bytes are in place. */
@Stateless
public class CacheEntries {

    @PersistenceContext
    EntityManager em;

    @Inject
    Turns turns;

    private long defaultLimit;

    @PostConstruct
    void readDefaults() {
        defaultLimit = Settings.fromEnvironment().cacheWorkspaceLimit();
    }

    /** The workspace's storage limit; none while it is being deleted, when the record fails anyway. */
    @RolesAllowed(Roles.WORKSPACE_WRITER)
    public OptionalLong storageLimitOf(String nxCloudId) {
        List<Long> limit = em.createNamedQuery(Workspace.CACHE_LIMIT_OF, Long.class)
                .setParameter("nxCloudId", nxCloudId).getResultList();
        return limit.isEmpty() ? OptionalLong.empty() : OptionalLong.of(limit.get(0) == null ? defaultLimit : limit.get(0));
    }

    /**
     * @return false when another upload of the hash was recorded first (that upload counts), or when the
     *     database refused the record
     */
    @RolesAllowed(Roles.WORKSPACE_WRITER)
    public boolean record(CacheKey key, Tier tier, long size, Stored stored, Writer writer, String clientAddress) {
        // A reference by id, not the loaded workspace: one column read on every upload instead of two rows.
        Long workspace = em.createNamedQuery(Workspace.ID_OF, Long.class)
                .setParameter("nxCloudId", key.nxCloudId())
                .getSingleResult();
        // In a folder the file's link already chose the one upload that counts; in S3 (an object per
        // upload) this record does, so its writers take turns and the second finds the first's row.
        if (stored.objectKey() != null && recordedFirst(key, tier)) {
            return false;
        }
        em.persist(new CacheEntry(em.getReference(Workspace.class, workspace), tier, key.hash(), size, stored.sha256(),
                stored.objectKey(), writer, clientAddress, Instant.now()));
        try {
            em.flush();
            return true;
        } catch (PersistenceException refused) {
            // The transaction is marked for rollback; nothing of it is kept.
            return false;
        }
    }

    private boolean recordedFirst(CacheKey key, Tier tier) {
        turns.take(em, "cache entry " + key.nxCloudId() + " " + tier + " " + key.hash());
        return em.createNamedQuery(CacheEntry.STORED_AS, Object[].class)
                .setParameter("nxCloudId", key.nxCloudId()).setParameter("hash", key.hash())
                .getResultStream().anyMatch(row -> row[0] == tier);
    }
}
