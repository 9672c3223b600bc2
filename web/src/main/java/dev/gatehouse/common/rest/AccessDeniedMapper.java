package dev.gatehouse.common.rest;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A service's role check, refused: 401 to an anonymous caller, 403 to a known one. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<EJBAccessException> {

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(EJBAccessException denied) {
        return security.getUserPrincipal() == null ? signInFirst() : Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity("Your account may not do this.\n").build();
    }

    static Response signInFirst() {
        return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .header("WWW-Authenticate", "Bearer")
                .entity("Sign in first: this request needs a signed-in user (a personal access token as Bearer).\n").build();
    }
}
