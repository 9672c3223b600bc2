package dev.gatehouse.security.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The API half of {@link GatehouseAuthenticationMechanism}. {@code @Typed} keeps it from counting
 * as a second mechanism bean.
 *
 * <p>A request without an {@code Authorization} header goes on as anonymous, and the services'
 * roles decide. Personal access tokens are not issued yet, so any presented credential is refused
 * with a sentence saying so rather than being silently ignored.
 */
@ApplicationScoped
@Typed(BearerAuthentication.class)
public class BearerAuthentication {

    AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (request.getHeader("Authorization") == null) {
            return context.doNothing();
        }
        return refuse(response, "This server does not issue access tokens yet. "
                + "Send the request without an Authorization header.");
    }

    /** Commits a plain-text 401 so that clients such as nx can show the sentence as it is. */
    static AuthenticationStatus refuse(HttpServletResponse response, String sentence) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write((sentence + "\n").getBytes(StandardCharsets.UTF_8));
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
