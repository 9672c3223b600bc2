package dev.gatehouse.token.boundary;

import dev.gatehouse.audit.control.Audit;
import dev.gatehouse.common.BusinessException;
import dev.gatehouse.common.NotFound;
import dev.gatehouse.common.entity.Names;
import dev.gatehouse.organization.control.Memberships;
import dev.gatehouse.security.Roles;
import dev.gatehouse.token.entity.TokenFormat;
import dev.gatehouse.token.entity.WorkspaceAccessToken;
import dev.gatehouse.workspace.entity.AccessLevel;
import dev.gatehouse.workspace.entity.Workspace;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Workspace access tokens: made, listed and revoked by the organization's admins, used by CI. */
@Stateless
public class WorkspaceTokenService {

    public static final String NAME_FIELD = "workspaceTokenName";

    @PersistenceContext
    EntityManager em;

    @Inject
    Memberships memberships;

    @Inject
    Audit audit;

    /** The token's secret, shown once; never printed, so never in a log line. */
    public record IssuedWorkspaceToken(WorkspaceAccessToken token, String secret) {

        @Override
        public String toString() {
            return "IssuedWorkspaceToken[" + token.getName() + "]";
        }
    }

    @RolesAllowed(Roles.USER)
    public IssuedWorkspaceToken issue(long workspaceId, String name, AccessLevel level) {
        Workspace workspace = memberships.administeredWorkspace(workspaceId);
        String secret = TokenFormat.generate(TokenFormat.WORKSPACE_PREFIX);
        WorkspaceAccessToken token = BusinessException.checking(NAME_FIELD,
                () -> new WorkspaceAccessToken(workspace, Names.require(name), level, secret, Instant.now()));
        em.persist(token);
        audit.record(workspace.getOrganization().getId(), "create workspace token",
                workspace.getName() + ": " + token.describe(), null, level.label());
        return new IssuedWorkspaceToken(token, secret);
    }

    @RolesAllowed(Roles.USER)
    public List<WorkspaceAccessToken> of(long workspaceId) {
        return em.createNamedQuery(WorkspaceAccessToken.OF_WORKSPACE, WorkspaceAccessToken.class)
                .setParameter("workspace", memberships.administeredWorkspace(workspaceId))
                .getResultList();
    }

    /** A token of another workspace is answered as if it did not exist. */
    @RolesAllowed(Roles.USER)
    public void revoke(long workspaceId, long tokenId) {
        Workspace workspace = memberships.administeredWorkspace(workspaceId);
        WorkspaceAccessToken token = em.find(WorkspaceAccessToken.class, tokenId);
        if (token == null || !token.getWorkspace().getId().equals(workspace.getId())) {
            throw new NotFound("No such token for this workspace.");
        }
        token.revoke(Instant.now());
        audit.record(workspace.getOrganization().getId(), "revoke workspace token",
                workspace.getName() + ": " + token.describe(), token.getLevel().label(), "Revoked");
    }

    /** For converting a legacy nx.json: which workspace a token belongs to. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String nxCloudIdOf(String presented) {
        return active(presented).map(token -> token.getWorkspace().getNxCloudId())
                .orElseThrow(() -> new NotFound("This server knows no active workspace access token like this one."));
    }

    /** The live token presented; CI's cache requests read the same in one statement ({@code security.web.CacheAccessLookup}). */
    private Optional<WorkspaceAccessToken> active(String presented) {
        if (TokenFormat.check(presented, TokenFormat.WORKSPACE_PREFIX) != TokenFormat.Check.WELL_FORMED) {
            return Optional.empty();
        }
        String hash = TokenFormat.hash(presented);
        return em.createNamedQuery(WorkspaceAccessToken.BY_HASH, WorkspaceAccessToken.class)
                .setParameter("hash", hash).getResultStream().findFirst()
                .filter(token -> TokenFormat.sameHash(token.getTokenHash(), hash))
                .filter(WorkspaceAccessToken::isActive);
    }
}
