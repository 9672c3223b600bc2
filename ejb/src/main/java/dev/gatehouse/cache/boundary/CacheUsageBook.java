package dev.gatehouse.cache.boundary;

import dev.gatehouse.account.control.CurrentAccount;
import dev.gatehouse.cache.control.UsageCounts.Outcome;
import dev.gatehouse.cache.control.UsageCounts.Taken;
import dev.gatehouse.cache.entity.CacheEntry;
import dev.gatehouse.cache.entity.CacheUsage;
import dev.gatehouse.common.NotFound;
import dev.gatehouse.common.Turns;
import dev.gatehouse.organization.control.Memberships;
import dev.gatehouse.security.Roles;
import dev.gatehouse.workspace.entity.Workspace;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The cache's usage per workspace and day: the background adds the counts and the holdings, the
 * workspace's members read the last 30 days. Days are UTC, like every time the server shows.
 */
@Stateless
public class CacheUsageBook {

    public static final int DAYS = 30;

    @PersistenceContext
    EntityManager em;

    @Inject
    Memberships memberships;

    @Inject
    CurrentAccount caller;

    @Inject
    Turns turns;

    /** The background's: adds one batch of counts to today's rows. */
    @PermitAll
    public void add(List<Taken> batch, LocalDate day) {
        for (Taken counts : batch) {
            Long workspace = workspaceId(counts.nxCloudId());
            if (workspace != null) {
                update(workspace, day, () -> em.createNamedQuery(CacheUsage.ADD)
                        .setParameter("hits", counts.of(Outcome.HIT)).setParameter("misses", counts.of(Outcome.MISS))
                        .setParameter("stored", counts.of(Outcome.STORED))
                        .setParameter("refusedExisting", counts.of(Outcome.REFUSED_EXISTING))
                        .setParameter("refusedReadOnly", counts.of(Outcome.REFUSED_READ_ONLY))
                        .setParameter("refusedTooLarge", counts.of(Outcome.REFUSED_TOO_LARGE))
                        .setParameter("refusedStorage", counts.of(Outcome.REFUSED_STORAGE))
                        .setParameter("bytesServed", counts.bytesServed()).setParameter("bytesStored", counts.bytesStored()));
            }
        }
    }

    /** The background's: what each workspace holds now, as today's holdings. */
    @PermitAll
    public void recordHoldings(LocalDate day) {
        for (Object[] row : em.createNamedQuery(CacheEntry.HELD_PER_WORKSPACE, Object[].class).getResultList()) {
            update((Long) row[0], day, () -> em.createNamedQuery(CacheUsage.HOLDING)
                    .setParameter("entries", ((Number) row[3]).longValue()).setParameter("bytes", ((Number) row[2]).longValue()));
        }
    }

    /** The last {@value #DAYS} days with any use, oldest first; for the workspace's members. */
    @RolesAllowed(Roles.USER)
    public List<CacheUsage> lastDays(long workspaceId) {
        Workspace workspace = memberships.workspace(workspaceId);
        return em.createNamedQuery(CacheUsage.SINCE, CacheUsage.class).setParameter("workspace", workspace.getId())
                .setParameter("since", today().minusDays(DAYS - 1)).getResultList();
    }

    /** The same by the id in nx.json, for the API; a workspace the caller does not belong to reads as unknown. */
    @RolesAllowed(Roles.USER)
    public List<CacheUsage> lastDays(String nxCloudId) {
        Long workspace = workspaceId(nxCloudId);
        if (workspace == null) {
            throw new NotFound(Memberships.NO_SUCH_WORKSPACE);
        }
        return lastDays(workspace);
    }

    /** The ten largest entries, both tiers; for the workspace's members. */
    @RolesAllowed(Roles.USER)
    public List<CacheEntry> largest(long workspaceId) {
        Workspace workspace = memberships.workspace(workspaceId);
        return em.createNamedQuery(CacheEntry.LARGEST, CacheEntry.class).setParameter("workspace", workspace.getId())
                .setMaxResults(10).getResultList();
    }

    /** A workspace of the caller's with its last week: reads, hits and what it holds now. */
    public record WorkspaceWeek(Workspace workspace, long hits, long misses, long bytesHeld) {

        /** Null for a week without reads. */
        public Double hitRate() {
            return hits + misses == 0 ? null : (double) hits / (hits + misses);
        }
    }

    /** Every workspace of the caller's organizations, with the last 7 days; for the home page. */
    @RolesAllowed(Roles.USER)
    public List<WorkspaceWeek> myWeek() {
        List<Workspace> workspaces = em.createNamedQuery(Workspace.OF_MEMBER, Workspace.class)
                .setParameter("username", caller.name()).getResultList();
        if (workspaces.isEmpty()) {
            return List.of();
        }
        List<Long> ids = workspaces.stream().map(Workspace::getId).toList();
        Map<Long, long[]> reads = new HashMap<>();
        for (Object[] row : em.createNamedQuery(CacheUsage.READS_SINCE, Object[].class).setParameter("workspaces", ids)
                .setParameter("since", today().minusDays(6)).getResultList()) {
            reads.put((Long) row[0], new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
        }
        Map<Long, Long> held = new HashMap<>();
        for (Object[] row : em.createNamedQuery(CacheEntry.HELD_IN, Object[].class).setParameter("workspaces", ids).getResultList()) {
            held.put((Long) row[0], ((Number) row[1]).longValue());
        }
        return workspaces.stream().map(workspace -> {
            long[] week = reads.getOrDefault(workspace.getId(), new long[2]);
            return new WorkspaceWeek(workspace, week[0], week[1], held.getOrDefault(workspace.getId(), 0L));
        }).toList();
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Runs the update on the day's row, making the row first when the day has none yet. */
    private void update(long workspace, LocalDate day, Supplier<Query> update) {
        Query statement = update.get().setParameter("workspace", workspace).setParameter("day", day);
        if (statement.executeUpdate() == 0) {
            // Another node may be making the row at this moment: the second in turn finds it made.
            turns.take(em, "cache usage " + day);
            if (statement.executeUpdate() == 0) {
                em.persist(new CacheUsage(em.getReference(Workspace.class, workspace), day));
                em.flush();
                statement.executeUpdate();
            }
        }
    }

    private Long workspaceId(String nxCloudId) {
        return em.createNamedQuery(Workspace.ID_OF, Long.class).setParameter("nxCloudId", nxCloudId)
                .getResultStream().findFirst().orElse(null);
    }
}
