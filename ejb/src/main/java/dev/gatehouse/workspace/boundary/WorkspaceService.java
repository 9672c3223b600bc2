package dev.gatehouse.workspace.boundary;

import dev.gatehouse.audit.control.Audit;
import dev.gatehouse.cache.control.ArtifactStore;
import dev.gatehouse.cache.entity.CacheEntry;
import dev.gatehouse.cache.entity.CacheUsage;
import dev.gatehouse.common.AfterCommit;
import dev.gatehouse.common.BusinessException;
import dev.gatehouse.common.Problem;
import dev.gatehouse.config.Sizes;
import dev.gatehouse.organization.control.Memberships;
import dev.gatehouse.organization.entity.Membership;
import dev.gatehouse.security.Roles;
import dev.gatehouse.token.entity.WorkspaceAccessToken;
import dev.gatehouse.workspace.entity.AccessLevel;
import dev.gatehouse.workspace.entity.Workspace;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Workspaces of an organization: members see them, admins create, rename, delete and set their
 * access levels. Levels are read from the database on every cache request, so a change applies to
 * the very next one on every node.
 */
@Stateless
public class WorkspaceService {

    public static final String NAME_FIELD = "workspaceName";
    public static final String CACHE_LIMIT_FIELD = "cacheLimit";

    @PersistenceContext
    EntityManager em;

    @Inject
    Memberships memberships;

    @Inject
    Audit audit;

    @Inject
    ArtifactStore artifacts;

    @Inject
    AfterCommit afterCommit;

    @RolesAllowed(Roles.USER)
    public Workspace create(long organizationId, String name) {
        Membership admin = memberships.admin(organizationId);
        Workspace workspace = BusinessException.checking(NAME_FIELD, () -> new Workspace(admin.getOrganization(), name, Instant.now()));
        em.persist(workspace);
        audit.record(organizationId, "create workspace", workspace.getName(), null, workspace.getNxCloudId());
        return workspace;
    }

    @RolesAllowed(Roles.USER)
    public List<Workspace> of(long organizationId) {
        memberships.member(organizationId);
        return em.createNamedQuery(Workspace.IN, Workspace.class)
                .setParameter("organization", organizationId)
                .getResultList();
    }

    @RolesAllowed(Roles.USER)
    public Workspace find(long workspaceId) {
        return memberships.workspace(workspaceId);
    }

    @RolesAllowed(Roles.USER)
    public Workspace rename(long workspaceId, String name) {
        Workspace workspace = memberships.administeredWorkspace(workspaceId);
        String before = workspace.getName();
        BusinessException.checking(NAME_FIELD, () -> workspace.rename(name));
        audit.record(workspace.getOrganization().getId(), "rename workspace", workspace.getNxCloudId(), before, workspace.getName());
        return workspace;
    }

    /** Its cache, its usage and its access tokens go with it. */
    @RolesAllowed(Roles.USER)
    public void delete(long workspaceId) {
        Workspace workspace = memberships.administeredWorkspace(workspaceId);
        em.createNamedQuery(CacheEntry.DELETE_OF).setParameter("workspace", workspace).executeUpdate();
        em.createNamedQuery(CacheUsage.DELETE_OF).setParameter("workspace", workspace).executeUpdate();
        em.createNamedQuery(WorkspaceAccessToken.DELETE_OF).setParameter("workspace", workspace).executeUpdate();
        em.remove(workspace);
        String nxCloudId = workspace.getNxCloudId();
        // An upload still in flight takes its own file back when it finds the workspace gone (CacheService#write).
        afterCommit.run(() -> artifacts.deleteAll(nxCloudId));
        audit.record(workspace.getOrganization().getId(), "delete workspace", workspace.getName(), workspace.getNxCloudId(), null);
    }

    @RolesAllowed(Roles.USER)
    public Workspace changeLevels(long workspaceId, AccessLevel idLevel, AccessLevel patLevel) {
        Workspace workspace = memberships.administeredWorkspace(workspaceId);
        String before = levels(workspace);
        // A refused pair of levels is about both fields: the page shows it above them.
        BusinessException.checking(null, () -> workspace.changeLevels(idLevel, patLevel));
        audit.record(workspace.getOrganization().getId(), "change access levels", workspace.getName(), before, levels(workspace));
        return workspace;
    }

    /** Whether members' uploads go to the trusted tier of the cache, and members read only that tier. */
    @RolesAllowed(Roles.USER)
    public Workspace trustMembersUploads(long workspaceId, boolean trusted) {
        Workspace workspace = memberships.administeredWorkspace(workspaceId);
        boolean before = workspace.isMembersUploadsTrusted();
        workspace.trustMembersUploads(trusted);
        audit.record(workspace.getOrganization().getId(), "change members' upload trust", workspace.getName(),
                trust(before), trust(trusted));
        return workspace;
    }

    /**
     * The most the workspace's cache may hold; the eviction removes its least recently used entries
     * beyond it.
     *
     * @param size a size such as {@code 10GiB}, or blank for the server's default
     */
    @RolesAllowed(Roles.USER)
    public Workspace limitCache(long workspaceId, String size) {
        Workspace workspace = memberships.administeredWorkspace(workspaceId);
        Long before = workspace.getCacheLimit();
        Long bytes = size == null || size.isBlank() ? null : Sizes.parse(size).orElseThrow(() -> new BusinessException(
                List.of(new Problem(CACHE_LIMIT_FIELD, "A storage limit is " + Sizes.FORMAT + ", or blank for the server's default."))));
        workspace.limitCache(bytes);
        audit.record(workspace.getOrganization().getId(), "change cache limit", workspace.getName(), limit(before), limit(bytes));
        return workspace;
    }

    private static String limit(Long bytes) {
        return bytes == null ? "the server's default" : Sizes.format(bytes);
    }

    private static String trust(boolean trusted) {
        return trusted ? "members' uploads trusted" : "members' uploads untrusted";
    }

    private static String levels(Workspace workspace) {
        return "ID " + workspace.getIdAccessLevel().label() + ", PAT " + workspace.getPatAccessLevel().label();
    }
}
