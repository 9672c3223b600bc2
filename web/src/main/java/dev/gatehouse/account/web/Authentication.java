package dev.gatehouse.account.web;

import dev.gatehouse.security.web.PasswordLogIn;
import jakarta.faces.context.ExternalContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Hands a typed username and password to the application's authentication module. */
final class Authentication {

    private Authentication() {
    }

    /** True when the password was right and the person is now logged in. */
    static boolean logIn(ExternalContext external, String login, String password) throws IOException {
        try {
            return PasswordLogIn.authenticate((HttpServletRequest) external.getRequest(),
                    (HttpServletResponse) external.getResponse(), login, password);
        } catch (ServletException refused) {
            return false;
        }
    }
}
