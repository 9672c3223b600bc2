package dev.gatehouse.token.web;

import dev.gatehouse.token.boundary.IssuedToken;
import dev.gatehouse.token.boundary.TokenService;
import dev.gatehouse.token.control.TokenMint;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.stream.Stream;

/**
 * "New access token" and "Generate Token". Request-scoped on purpose: the secret lives for the one
 * response that shows it, and never enters the view state or the session.
 */
@Named
@RequestScoped
public class NewTokenBacking {

    /** In days, as the mint allows them; 0 stands for "no expiry" because a select needs a value. */
    private static final List<Integer> EXPIRY_CHOICES = Stream.concat(TokenMint.EXPIRY_DAYS.stream(), Stream.of(0)).toList();

    @EJB
    TokenService tokens;

    @Inject
    TokensBacking list;

    private String name;
    private int expiresInDays = 90;
    private IssuedToken issued;

    public void generate() {
        issued = tokens.issue(name, expiresInDays == 0 ? null : expiresInDays);
        name = null;
        list.refresh();
    }

    public List<Integer> getExpiryChoices() {
        return EXPIRY_CHOICES;
    }

    public String expiryLabel(int days) {
        return days == 0 ? "No expiry" : days + " days";
    }

    public IssuedToken getIssued() {
        return issued;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getExpiresInDays() {
        return expiresInDays;
    }

    public void setExpiresInDays(int expiresInDays) {
        this.expiresInDays = expiresInDays;
    }
}
