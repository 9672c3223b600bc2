package dev.gatehouse.common.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers an anonymous call to a {@link SignedIn} resource with 401 and a sentence, before its
 * service refuses it: a service's refusal is an exception that the EJB container logs with its stack
 * trace, and anyone could fill the log with those. It reads the caller the authentication module
 * has already set, and asks nothing more of the container, which would answer a second time on the
 * same connection.
 */
@Provider
@SignedIn
@Priority(Priorities.AUTHENTICATION)
public class SignedInFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null) {
            request.abortWith(AccessDeniedMapper.signInFirst());
        }
    }
}
