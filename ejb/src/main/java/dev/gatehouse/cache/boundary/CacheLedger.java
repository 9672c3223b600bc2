package dev.gatehouse.cache.boundary;

import dev.gatehouse.cache.entity.CacheEntry;
import dev.gatehouse.cache.entity.CacheKey;
import dev.gatehouse.cache.entity.Tier;
import dev.gatehouse.cache.entity.Writer;
import dev.gatehouse.security.Roles;
import dev.gatehouse.workspace.entity.Workspace;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Records stored artifacts, each in a short transaction of its own after its bytes are in place. */
@Stateless
public class CacheLedger {

    @PersistenceContext
    EntityManager em;

    @RolesAllowed(Roles.WORKSPACE_WRITER)
    public void record(CacheKey key, Tier tier, long size, String sha256, Writer writer, String clientAddress) {
        // A reference by id, not the loaded workspace: one column read on every upload instead of two rows.
        Long workspace = em.createNamedQuery(Workspace.ID_OF, Long.class)
                .setParameter("nxCloudId", key.nxCloudId())
                .getSingleResult();
        em.persist(new CacheEntry(em.getReference(Workspace.class, workspace), tier, key.hash(), size, sha256, writer,
                clientAddress, Instant.now()));
    }
}
