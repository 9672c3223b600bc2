package dev.gatehouse.account.web;

import jakarta.faces.context.ExternalContext;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Hands a typed username and password to the application's authentication mechanism. */
final class Authentication {

    private Authentication() {
    }

    static AuthenticationStatus logIn(SecurityContext security, ExternalContext external, String login, String password) {
        return security.authenticate(
                (HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .newAuthentication(true)
                        .credential(new UsernamePasswordCredential(login == null ? "" : login,
                                new Password(password == null ? "" : password))));
    }
}
