package dev.gatehouse.security.web;

import dev.gatehouse.account.boundary.AccountService;
import dev.gatehouse.security.Roles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/** The application's one identity store: accounts in the database, checked by the account service. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @EJB
    AccountService accounts;

    /** The request being authenticated: the password throttle counts per client address too. */
    @Inject
    HttpServletRequest request;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return accounts.verify(credential.getCaller(), credential.getPasswordAsString(), request.getRemoteAddr())
                .map(account -> new CredentialValidationResult(account.getUsername(), Set.of(Roles.USER)))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
