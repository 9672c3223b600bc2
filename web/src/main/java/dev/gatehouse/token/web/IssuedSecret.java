package dev.gatehouse.token.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * A token's secret between the action that made it and the page that shows it, once: request
 * scope ends with that response, and nothing of it enters the view state or the session.
 */
@Named
@RequestScoped
public class IssuedSecret {

    private String value;

    public String getValue() {
        return value;
    }

    void set(String secret) {
        this.value = secret;
    }
}
