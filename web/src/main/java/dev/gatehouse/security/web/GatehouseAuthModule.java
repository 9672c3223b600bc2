package dev.gatehouse.security.web;

import dev.gatehouse.account.boundary.AccountService;
import dev.gatehouse.cache.web.CacheRefusals;
import dev.gatehouse.security.Roles;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * The application's one authentication module, a plain Jakarta Authentication {@code ServerAuthModule}:
 * no CDI interception on any request, which on the cache's hot path costs more than the rest of the
 * request together. It hands the container a caller and groups through the standard callbacks, so
 * web constraints, {@code isUserInRole} and {@code @RolesAllowed} on the EJBs work as they would with
 * any mechanism.
 *
 * <ul>
 * <li>A path disguised as another kind ({@link RequestKind#isDisguised}) is refused first.</li>
 * <li>The cache names the caller from a bearer token or none, and gives workspace roles.</li>
 * <li>The API takes a bearer token, or the browser's session.</li>
 * <li>Pages take nothing but the session, signed in by the log-in form ({@link PasswordLogIn}, {@link SignIns}); a
 * protected page without one redirects to {@code /login?next=…}. No session exists before log-in.</li>
 * </ul>
 */
final class GatehouseAuthModule implements ServerAuthModule {

    private static final String MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";

    private final AccountService accounts;
    private final BearerAuthentication bearer;
    private final CacheAuthentication cacheAuthentication;
    private final SignIns signIns;
    private CallbackHandler handler;

    GatehouseAuthModule(AccountService accounts, BearerAuthentication bearer, CacheAuthentication cacheAuthentication, SignIns signIns) {
        this.accounts = accounts;
        this.bearer = bearer;
        this.cacheAuthentication = cacheAuthentication;
        this.signIns = signIns;
    }

    @Override
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
            @SuppressWarnings("rawtypes") Map options) {
        this.handler = handler;
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return new Class<?>[] {HttpServletRequest.class, HttpServletResponse.class};
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
        HttpServletRequest request = (HttpServletRequest) message.getRequestMessage();
        HttpServletResponse response = (HttpServletResponse) message.getResponseMessage();
        PasswordLogIn typed = PasswordLogIn.of(request);
        if (typed != null) {
            return logIn(typed, request, client);
        }
        String path = RequestKind.normalizedPath(request);
        if (RequestKind.isDisguised(request.getRequestURI().substring(request.getContextPath().length()), path)) {
            BearerAuthentication.refuse(response, HttpServletResponse.SC_BAD_REQUEST, "This address hides its path"
                    + " behind encoding ('%2e', '%2f', ';', '..' or the like). Send the plain path.");
            return AuthStatus.SEND_FAILURE;
        }
        RequestKind kind = RequestKind.ofPath(path);
        if (kind == RequestKind.CACHE) {
            Identity caller = cacheAuthentication.identify(request, response);
            if (caller == null) {
                CacheRefusals.log(request, response.getStatus(), "its token was refused, or access could not be checked");
                return AuthStatus.SEND_FAILURE;
            }
            return become(client, caller.name(), caller.groups());
        }
        if (kind == RequestKind.API && BearerAuthentication.isPresented(request)) {
            String owner = bearer.tokenOwner(request, response);
            return owner == null ? AuthStatus.SEND_FAILURE : become(client, owner, Set.of(Roles.USER));
        }
        String signedIn = signIns.username(request);
        if (signedIn != null) {
            return become(client, signedIn, Set.of(Roles.USER));
        }
        if (Boolean.parseBoolean(String.valueOf(message.getMap().get(MANDATORY)))) {
            try {
                response.sendRedirect(AfterLogin.loginAddress(request));
            } catch (IOException e) {
                throw authException(e);
            }
            return AuthStatus.SEND_CONTINUE;
        }
        return handle(new CallerPrincipalCallback(client, (Principal) null));
    }

    /** The log-in form's password, checked once; success signs in the session that later pages continue. */
    private AuthStatus logIn(PasswordLogIn typed, HttpServletRequest request, Subject client) throws AuthException {
        var account = accounts.verify(typed.login(), typed.password(), request.getRemoteAddr());
        if (account.isEmpty()) {
            return AuthStatus.SEND_FAILURE;
        }
        String username = account.get().getUsername();
        signIns.start(request, username);
        return become(client, username, Set.of(Roles.USER));
    }

    private AuthStatus become(Subject client, String name, Set<String> groups) throws AuthException {
        return handle(new CallerPrincipalCallback(client, name), new GroupPrincipalCallback(client, groups.toArray(String[]::new)));
    }

    private AuthStatus handle(Callback... callbacks) throws AuthException {
        try {
            handler.handle(callbacks);
        } catch (IOException | UnsupportedCallbackException e) {
            throw authException(e);
        }
        return AuthStatus.SUCCESS;
    }

    private static AuthException authException(Exception cause) {
        AuthException failure = new AuthException(cause.getMessage());
        failure.initCause(cause);
        return failure;
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {
        if (subject != null) {
            subject.getPrincipals().clear();
        }
    }
}
