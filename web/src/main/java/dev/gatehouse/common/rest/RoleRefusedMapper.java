package dev.gatehouse.common.rest;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A resource's {@code @RolesAllowed}, refused by Jersey before any EJB is called: the same answer as
 * {@link AccessDeniedMapper}, without the EJB container's logged stack trace, which an ordinary
 * anonymous request must not cost. The EJB's own check stays behind it.
 */
@Provider
public class RoleRefusedMapper implements ExceptionMapper<ForbiddenException> {

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(ForbiddenException refused) {
        return AccessDeniedMapper.refusal(security);
    }
}
