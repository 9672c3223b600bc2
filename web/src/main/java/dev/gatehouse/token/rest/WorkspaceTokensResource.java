package dev.gatehouse.token.rest;

import dev.gatehouse.token.boundary.WorkspaceTokenService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Which workspace a workspace access token belongs to, for {@code gatehouse convert-to-nx-cloud-id}.
 * The token travels in the body, not as the caller's credential: it proves nothing but itself.
 */
@Path("workspace-tokens")
public class WorkspaceTokensResource {

    @EJB
    WorkspaceTokenService tokens;

    public record WorkspaceView(String nxCloudId) {
    }

    @POST
    @Path("lookup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public WorkspaceView lookup(@FormParam("token") String token) {
        return new WorkspaceView(tokens.nxCloudIdOf(token));
    }
}
