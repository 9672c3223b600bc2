package dev.gatehouse.account.web;

import dev.gatehouse.security.web.AfterLogin;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The page a person asked for before logging in ({@code ?next=…} on the log-in and sign-up pages),
 * carried between those two pages and followed once they are signed in.
 */
@Named
@RequestScoped
public class NextPage {

    @Inject
    ExternalContext external;

    private String next;

    /** A person who is signed in already has nothing to do on the log-in or sign-up page. */
    public void skipIfSignedIn() throws IOException {
        if (external.getRemoteUser() != null) {
            go();
        }
    }

    void go() throws IOException {
        external.redirect(AfterLogin.target(external.getRequestContextPath(), next));
    }

    /** For the links between the log-in and the sign-up page, so that the page asked for is not lost. */
    public String getQuery() {
        return next == null || next.isEmpty() ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
