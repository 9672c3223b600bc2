package dev.gatehouse.account.web;

import dev.gatehouse.account.boundary.AccountService;
import dev.gatehouse.account.entity.Account;
import dev.gatehouse.common.web.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;

@Named
@RequestScoped
public class LoginBacking {

    @Inject
    ExternalContext external;

    @Inject
    HttpServletRequest request;

    @Inject
    NextPage nextPage;

    @EJB
    AccountService accounts;

    private String login;
    private String password;

    public void logIn() throws IOException {
        if (Authentication.logIn(external, login, password)) {
            nextPage.go();
        } else {
            refused();
        }
    }

    /** One sentence for a wrong password and an unknown name alike, so neither reveals the other. */
    private void refused() {
        Duration wait = accounts.retryAfter(login == null ? "" : login, request.getRemoteAddr());
        if (login != null && login.length() > Account.EMAIL_MAX) {
            login = null; // refused for its length; never echoed back into the page
        }
        Messages.error(wait.isZero()
                ? "Wrong username, email or password."
                : "Too many failed log-ins for this account or from this address. Wait "
                        + (wait.toSeconds() <= 1 ? "a second" : wait.toSeconds() + " seconds") + ", then try again.");
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
