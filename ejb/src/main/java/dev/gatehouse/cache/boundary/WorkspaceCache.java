package dev.gatehouse.cache.boundary;

import dev.gatehouse.audit.control.Audit;
import dev.gatehouse.cache.control.EntryRemoval;
import dev.gatehouse.cache.entity.CacheEntry;
import dev.gatehouse.cache.entity.Tier;
import dev.gatehouse.cache.entity.Writer;
import dev.gatehouse.organization.control.Memberships;
import dev.gatehouse.security.Roles;
import dev.gatehouse.workspace.entity.Workspace;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A workspace's cache as its admins see it: what each tier holds, who wrote what, and purges,
 * the answer to a leaked token or a compromised laptop. A purge deletes the records, and the files
 * once that has committed; a purged hash can be written again.
 */
@Stateless
public class WorkspaceCache {

    private static final int RECENT = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    Memberships memberships;

    @Inject
    Audit audit;

    @Inject
    EntryRemoval removal;

    /** What one tier holds; kept by a view-scoped page bean, which must serialize with its session. */
    public record Holding(Tier tier, long entries, long bytes) implements Serializable {
    }

    @RolesAllowed(Roles.USER)
    public List<Holding> holdings(long workspaceId) {
        Workspace workspace = memberships.administeredWorkspace(workspaceId);
        Map<Tier, Holding> byTier = new EnumMap<>(Tier.class);
        for (Object[] row : em.createNamedQuery(CacheEntry.TOTALS, Object[].class)
                .setParameter("workspace", workspace.getId()).getResultList()) {
            Tier tier = (Tier) row[0];
            byTier.put(tier, new Holding(tier, ((Number) row[1]).longValue(), row[2] == null ? 0 : ((Number) row[2]).longValue()));
        }
        List<Holding> holdings = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            holdings.add(byTier.getOrDefault(tier, new Holding(tier, 0, 0)));
        }
        return holdings;
    }

    @RolesAllowed(Roles.USER)
    public List<CacheEntry> recentWrites(long workspaceId) {
        return entries(workspaceId, CacheEntry.RECENT, query -> query.setMaxResults(RECENT));
    }

    /** The entries of one hash, in both tiers. */
    @RolesAllowed(Roles.USER)
    public List<CacheEntry> lookUp(long workspaceId, String hash) {
        return entries(workspaceId, CacheEntry.BY_HASH, query -> query.setParameter("hash", hash == null ? "" : hash.strip()));
    }

    /** @return how many entries went */
    @RolesAllowed(Roles.USER)
    public int purge(long workspaceId, long entryId) {
        return purge(workspaceId, "purge cache entry", "entry", CacheEntry.BY_ID, query -> query.setParameter("id", entryId));
    }

    @RolesAllowed(Roles.USER)
    public int purgeUntrusted(long workspaceId) {
        return purge(workspaceId, "purge untrusted cache", "untrusted entries", CacheEntry.IN_TIER,
                query -> query.setParameter("tier", Tier.UNTRUSTED));
    }

    /** Every entry written with one token: the answer to a leaked token. */
    @RolesAllowed(Roles.USER)
    public int purgeWrittenWith(long workspaceId, Writer.Kind kind, long tokenId) {
        return purge(workspaceId, "purge cache by token", "entries written with " + (kind == Writer.Kind.PERSON
                ? "personal" : "workspace") + " access token #" + tokenId, CacheEntry.BY_TOKEN,
                query -> query.setParameter("kind", kind).setParameter("tokenId", tokenId));
    }

    /** Every entry one person wrote, with any of their tokens: the answer to a compromised laptop. */
    @RolesAllowed(Roles.USER)
    public int purgeWrittenBy(long workspaceId, String username) {
        return purge(workspaceId, "purge cache by person", "entries written by " + username, CacheEntry.BY_PERSON,
                query -> query.setParameter("username", username));
    }

    private List<CacheEntry> entries(long workspaceId, String namedQuery, UnaryOperator<TypedQuery<CacheEntry>> criteria) {
        return entries(memberships.administeredWorkspace(workspaceId), namedQuery, criteria);
    }

    private List<CacheEntry> entries(Workspace workspace, String namedQuery, UnaryOperator<TypedQuery<CacheEntry>> criteria) {
        return criteria.apply(em.createNamedQuery(namedQuery, CacheEntry.class).setParameter("workspace", workspace.getId()))
                .getResultList();
    }

    private int purge(long workspaceId, String action, String what, String namedQuery,
            UnaryOperator<TypedQuery<CacheEntry>> criteria) {
        Workspace workspace = memberships.administeredWorkspace(workspaceId);
        List<CacheEntry> doomed = entries(workspace, namedQuery, criteria);
        removal.remove(doomed);
        audit.record(workspace.getOrganization().getId(), action, workspace.getName(), what,
                doomed.size() + (doomed.size() == 1 ? " entry purged" : " entries purged"));
        return doomed.size();
    }
}
