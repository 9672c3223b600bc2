package dev.gatehouse.account.boundary;

import dev.gatehouse.account.control.CurrentAccount;
import dev.gatehouse.account.control.LoginThrottle;
import dev.gatehouse.account.control.ThrottledAttempts;
import dev.gatehouse.account.entity.Account;
import dev.gatehouse.common.BusinessException;
import dev.gatehouse.common.Problem;
import dev.gatehouse.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Signs people up, checks their passwords, and tells a signed-in caller who they are. */
@Stateless
public class AccountService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    @Inject
    ThrottledAttempts throttled;

    @Inject
    CurrentAccount caller;

    /** Open to everyone: whoever signs up is by definition not signed in yet. */
    @PermitAll
    public Account signUp(SignUp form) {
        List<Problem> problems = new ArrayList<>(form.problems());
        if (problems.stream().noneMatch(p -> SignUp.USERNAME_FIELD.equals(p.field()))
                && count(Account.COUNT_BY_USERNAME, "username", form.canonicalUsername()) > 0) {
            problems.add(new Problem(SignUp.USERNAME_FIELD, "That username is taken. Choose another one."));
        }
        if (problems.stream().noneMatch(p -> SignUp.EMAIL_FIELD.equals(p.field()))
                && count(Account.COUNT_BY_EMAIL, "email", form.canonicalEmail()) > 0) {
            problems.add(new Problem(SignUp.EMAIL_FIELD,
                    "An account with that email address exists already. Log in instead."));
        }
        if (!problems.isEmpty()) {
            throw new BusinessException(problems);
        }
        Account account = new Account(form.username(), form.email(), passwords.hash(form.password()), Instant.now());
        try {
            em.persist(account);
            em.flush();
        } catch (PersistenceException raced) {
            throw new BusinessException("Someone took that username or email address a moment ago. Choose another one.");
        }
        return account;
    }

    /**
     * Open to everyone: the identity store calls it to sign someone in. Throttled per account and
     * client address ({@link LoginThrottle}), and as slow for an unknown name as for a known one.
     * Over-long input is refused before any lookup or hash.
     */
    @PermitAll
    public Optional<Account> verify(String login, String password, String clientAddress) {
        Instant now = Instant.now();
        if (!login.equals(bounded(login)) || password.length() > Account.PASSWORD_MAX) {
            throttle.failed(bounded(login), clientAddress, now);
            return Optional.empty();
        }
        Optional<Account> account = findByLogin(login);
        String throttleKey = throttleKey(login, account);
        if (!throttle.waitBefore(throttleKey, clientAddress, now).isZero()) {
            throttled.turnedAway(ThrottledAttempts.Kind.LOG_IN);
            return Optional.empty();
        }
        boolean valid = passwords.matches(password, account.map(Account::getPasswordHash));
        if (valid) {
            throttle.succeeded(throttleKey, clientAddress);
            return account;
        }
        throttle.failed(throttleKey, clientAddress, now);
        return Optional.empty();
    }

    /** Open to everyone, so that the log-in page can say how long to wait after failures. */
    @PermitAll
    public Duration retryAfter(String login, String clientAddress) {
        String bounded = bounded(login);
        return throttle.waitBefore(throttleKey(bounded, findByLogin(bounded)), clientAddress, Instant.now());
    }

    /** A log-in name is a username or an email address, so never longer than an email address. */
    private static String bounded(String login) {
        return login.length() <= Account.EMAIL_MAX ? login : login.substring(0, Account.EMAIL_MAX);
    }

    @RolesAllowed(Roles.USER)
    public Account currentAccount() {
        return caller.account();
    }

    private Optional<Account> findByLogin(String login) {
        return em.createNamedQuery(Account.BY_LOGIN, Account.class)
                .setParameter("login", Account.canonical(login))
                .getResultStream()
                .findFirst();
    }

    /** One key per account whether someone types its username or its email address. */
    private static String throttleKey(String login, Optional<Account> account) {
        return account.map(Account::getUsername).orElse(Account.canonical(login));
    }

    private long count(String query, String parameter, String value) {
        return em.createNamedQuery(query, Long.class).setParameter(parameter, value).getSingleResult();
    }
}
