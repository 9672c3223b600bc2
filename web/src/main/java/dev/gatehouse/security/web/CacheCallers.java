package dev.gatehouse.security.web;

import dev.gatehouse.cache.web.CachePath;
import dev.gatehouse.security.Roles;
import dev.gatehouse.workspace.boundary.WorkspaceAccess;
import dev.gatehouse.workspace.entity.AccessLevel;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.Set;

/**
 * The cache half of {@link GatehouseAuthenticationMechanism}. It names the caller (the owner of a
 * presented personal access token, or {@link #ANONYMOUS}), asks the access decision for the
 * workspace in the path, and hands the container the matching workspace roles. The cache service
 * then refuses by those roles alone. Nothing is remembered between requests.
 */
@ApplicationScoped
@Typed(CacheCallers.class)
public class CacheCallers {

    /** Parentheses cannot occur in usernames, so no account can be mistaken for this. */
    public static final String ANONYMOUS = "(anonymous)";

    @Inject
    BearerAuthentication bearer;

    @EJB
    WorkspaceAccess access;

    AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
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
        return context.notifyContainerAboutLogin(username == null ? ANONYMOUS : username, groups);
    }
}
