package dev.gatehouse.security.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The application's only authentication mechanism (Payara fails every request when there are two).
 * Pages use a session started by the log-in form; API paths use a bearer token.
 *
 * <p>It deliberately avoids {@code @LoginToContinue}: on Payara 6 the request that mechanism
 * restores after log-in carries web roles but no EJB roles. Instead it remembers the page asked
 * for, and the log-in page sends the browser there itself.
 */
@ApplicationScoped
@AutoApplySession
public class GatehouseAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    BearerAuthentication bearer;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return context.notifyContainerAboutLogin(identityStores.validate(credential));
        }
        if (ApiPaths.matches(request)) {
            return bearer.authenticate(request, response, context);
        }
        if (context.isProtected()) {
            AfterLogin.remember(request);
            return context.redirect(request.getContextPath() + "/login");
        }
        return context.doNothing();
    }
}
