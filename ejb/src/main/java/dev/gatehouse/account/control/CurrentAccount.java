package dev.gatehouse.account.control;

import dev.gatehouse.account.entity.Account;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;

/** Who is calling: the one place every feature asks, for the name or for the account itself. */
@Dependent
public class CurrentAccount {

    @PersistenceContext
    EntityManager em;

    @Inject
    Principal caller;

    /** The caller's username, without reading the database. */
    public String name() {
        return caller.getName();
    }

    /** The caller's account; only for a signed-in person, whose account exists. */
    public Account account() {
        return em.createNamedQuery(Account.BY_USERNAME, Account.class)
                .setParameter("username", caller.getName())
                .getSingleResult();
    }
}
