package dev.gatehouse.account.web;

import dev.gatehouse.account.boundary.AccountService;
import dev.gatehouse.account.boundary.SignUp;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** Creates the account and logs the new user straight in, on to the page they came for. */
@Named
@RequestScoped
public class SignUpBacking {

    @Inject
    ExternalContext external;

    @Inject
    NextPage nextPage;

    @EJB
    AccountService accounts;

    private String username;
    private String email;
    private String password;
    private String passwordRepeat;

    public void signUp() throws IOException {
        accounts.signUp(new SignUp(username, email, password, passwordRepeat));
        Authentication.logIn(external, username, password);
        nextPage.go();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordRepeat() {
        return passwordRepeat;
    }

    public void setPasswordRepeat(String passwordRepeat) {
        this.passwordRepeat = passwordRepeat;
    }
}
