package dev.gatehouse.workspace.rest;

import dev.gatehouse.workspace.boundary.WorkspaceAccess;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The level the caller would get on a workspace's cache, for {@code gatehouse status}. It is the
 * same decision the cache makes; an unknown id answers NONE, as it does there.
 */
@Path("access")
public class AccessResource {

    @EJB
    WorkspaceAccess access;

    @Context
    SecurityContext security;

    public record LevelView(String nxCloudId, String caller, String level) {
    }

    @GET
    @Path("{nxCloudId}")
    @Produces(MediaType.APPLICATION_JSON)
    public LevelView level(@PathParam("nxCloudId") String nxCloudId) {
        String caller = security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
        return new LevelView(nxCloudId, caller, access.levelFor(nxCloudId, caller).name());
    }
}
