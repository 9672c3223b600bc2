package dev.gatehouse.security.web;

import dev.gatehouse.cache.web.CachePath;
import dev.gatehouse.security.CachePrincipals;
import dev.gatehouse.security.Roles;
import dev.gatehouse.token.boundary.WorkspaceTokenService;
import dev.gatehouse.token.entity.TokenFormat;
import dev.gatehouse.token.entity.WorkspaceAccessToken;
import dev.gatehouse.workspace.boundary.WorkspaceAccess;
import dev.gatehouse.workspace.entity.AccessLevel;
import dev.gatehouse.workspace.entity.Caller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The cache half of {@link GatehouseAuthenticationMechanism}. It names the caller (the owner of a
 * presented personal access token, a workspace access token, or {@link CachePrincipals#ANONYMOUS}), asks the access decision for the
 * workspace in the path, and hands the container the matching workspace roles. The cache service
 * then refuses by those roles alone. Nothing is remembered between requests.
 */
@ApplicationScoped
@Typed(CacheCallers.class)
public class CacheCallers {

    @Inject
    BearerAuthentication bearer;

    @EJB
    WorkspaceAccess access;

    @EJB
    WorkspaceTokenService workspaceTokens;

    AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (BearerAuthentication.isPresented(request) && isWorkspaceToken(request)) {
            return authenticateWorkspaceToken(request, response, context);
        }
        String username = null;
        if (BearerAuthentication.isPresented(request)) {
            username = bearer.tokenOwner(request, response);
            if (username == null) {
                return AuthenticationStatus.SEND_FAILURE;
            }
        }
        CachePath path = CachePath.of(request);
        AccessLevel level = path == null ? AccessLevel.NONE : access.levelFor(path.nxCloudId(), username);
        Set<String> groups = new HashSet<>(Roles.forLevel(level));
        if (username != null) {
            groups.add(Roles.USER);
        }
        return context.notifyContainerAboutLogin(username == null ? CachePrincipals.ANONYMOUS : username, groups);
    }

    private static boolean isWorkspaceToken(HttpServletRequest request) {
        String token = BearerAuthentication.tokenIn(request.getHeader("Authorization"));
        return token != null && token.startsWith(TokenFormat.WORKSPACE_PREFIX);
    }

    /** CI's token: its own level on its own workspace, none on any other; its principal names it. */
    private AuthenticationStatus authenticateWorkspaceToken(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String presented = BearerAuthentication.presentedToken(request, response);
        if (presented == null) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        Optional<WorkspaceAccessToken> token = workspaceTokens.authenticate(presented);
        if (token.isEmpty()) {
            BearerAuthentication.refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "This workspace access token is"
                    + " unknown to this server, mistyped or revoked. Ask an admin of the workspace's organization for a new one.");
            return AuthenticationStatus.SEND_FAILURE;
        }
        CachePath path = CachePath.of(request);
        AccessLevel level = path == null ? AccessLevel.NONE : access.levelFor(path.nxCloudId(),
                new Caller.WorkspaceTokenHolder(token.get().getWorkspace().getNxCloudId(), token.get().getLevel()));
        return context.notifyContainerAboutLogin(CachePrincipals.WORKSPACE_TOKEN + token.get().getName(), Roles.forLevel(level));
    }
}
