package dev.gatehouse.token.rest;

import dev.gatehouse.common.rest.SignedIn;
import dev.gatehouse.security.web.BearerAuthentication;
import dev.gatehouse.token.boundary.TokenService;
import dev.gatehouse.token.entity.PersonalAccessToken;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * The caller's personal access tokens, for scripts and the CLI. The secrets themselves are never
 * listed. Like every resource, it leaves the role check to the service it calls; {@link SignedIn}
 * only answers anonymous callers first.
 */
@Path("tokens")
@SignedIn
public class TokensResource {

    @EJB
    TokenService tokens;

    public record TokenView(long id, String name, String hint, Instant created, Instant lastUsed, String lastUsedIp,
            Instant expires, String status) {

        static TokenView of(PersonalAccessToken token) {
            return new TokenView(token.getId(), token.getName(), token.getHint(), token.getCreatedAt(),
                    token.getLastUsedAt(), token.getLastUsedIp(), token.getExpiresAt(),
                    token.status(Instant.now()).name());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<TokenView> list() {
        return tokens.mine().stream().map(TokenView::of).toList();
    }

    /** Revokes the token this request presents: the CLI's log-out. */
    @DELETE
    @Path("current")
    @Produces(MediaType.APPLICATION_JSON)
    public TokenView revokeCurrent(@HeaderParam("Authorization") String authorization) {
        String presented = BearerAuthentication.tokenIn(authorization);
        return TokenView.of(tokens.revokePresented(presented == null ? "" : presented));
    }

    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public TokenView revoke(@PathParam("id") long id) {
        return TokenView.of(tokens.revoke(id));
    }
}
