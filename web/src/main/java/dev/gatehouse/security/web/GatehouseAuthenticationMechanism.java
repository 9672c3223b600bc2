package dev.gatehouse.security.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * The application's only authentication mechanism (Payara fails every request when there are two).
 * Pages use a session started by the log-in form; the API uses a bearer token; the remote cache
 * takes a bearer token or none, and is given workspace roles either way.
 *
 * <p>Pages accept nothing but the session: a bearer token never opens a page, whatever the path
 * looks like. A path disguised as another kind ({@link RequestKind#isDisguised}) is refused first.
 *
 * <p>It avoids {@code @LoginToContinue}: on Payara 6 the request that mechanism restores after
 * log-in carries web roles but no EJB roles. Instead the log-in address names the page asked for
 * ({@link AfterLogin}), and the log-in page sends the browser there itself. It also avoids
 * {@code @AutoApplySession}, which would open an HTTP session for every bearer request; only a form
 * log-in registers one, so no session exists before somebody logs in.
 */
@ApplicationScoped
public class GatehouseAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    BearerAuthentication bearer;

    @Inject
    CacheCallers cacheCallers;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                context.setRegisterSession(result.getCallerPrincipal().getName(), result.getCallerGroups());
            }
            return context.notifyContainerAboutLogin(result);
        }
        if (RequestKind.isDisguised(request)) {
            BearerAuthentication.refuse(response, HttpServletResponse.SC_BAD_REQUEST, "This address hides its path"
                    + " behind encoding ('%2e', '%2f', ';', '..' or the like). Send the plain path.");
            return AuthenticationStatus.SEND_FAILURE;
        }
        RequestKind kind = RequestKind.of(request);
        if (kind == RequestKind.CACHE) {
            return cacheCallers.authenticate(request, response, context);
        }
        if (kind == RequestKind.API && BearerAuthentication.isPresented(request)) {
            return bearer.authenticate(request, response, context);
        }
        Principal sessionCaller = request.getUserPrincipal();
        if (sessionCaller != null) {
            return continueSession(context, sessionCaller);
        }
        return context.isProtected() ? context.redirect(AfterLogin.loginAddress(request)) : context.doNothing();
    }

    /** The container keeps the caller's groups with the registered session; only the caller is named again. */
    private static AuthenticationStatus continueSession(HttpMessageContext context, Principal caller) {
        try {
            context.getHandler().handle(new Callback[] {new CallerPrincipalCallback(context.getClientSubject(), caller)});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UnsupportedCallbackException e) {
            throw new IllegalStateException(e);
        }
        return AuthenticationStatus.SUCCESS;
    }
}
