package dev.gatehouse.workspace.boundary;

import dev.gatehouse.organization.control.Memberships;
import dev.gatehouse.workspace.entity.AccessLevel;
import dev.gatehouse.workspace.entity.Requester;
import dev.gatehouse.workspace.entity.Workspace;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * What a caller may do with a workspace, for {@code GET /api/access/{nxCloudId}}; read fresh on
 * every request, so that a changed level or a removed member counts at once, on every node. The
 * cache's hot path reads the same in one statement ({@code security.web.CacheAccessLookup}).
 */
@Stateless
public class WorkspaceAccess {

    @PersistenceContext
    EntityManager em;

    @Inject
    Memberships memberships;

    /**
     * An unknown id gives NONE, exactly like a workspace that admits nobody by id. Open to everyone:
     * an anonymous caller may ask what the id alone allows.
     *
     * @param username the owner of the presented personal access token, or null for none
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AccessLevel levelFor(String nxCloudId, String username) {
        return workspace(nxCloudId)
                .map(workspace -> workspace.levelFor(username == null ? Requester.anonymous()
                        : Requester.pat(memberships.of(username, workspace.getOrganization().getId()).isPresent())))
                .orElse(AccessLevel.NONE);
    }

    private Optional<Workspace> workspace(String nxCloudId) {
        return em.createNamedQuery(Workspace.BY_NX_CLOUD_ID, Workspace.class)
                .setParameter("nxCloudId", nxCloudId)
                .getResultStream().findFirst();
    }
}
