package dev.gatehouse.security.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A username and password typed into the log-in or sign-up form, handed to {@link GatehouseAuthModule}
 * through the request for the one call of {@code request.authenticate}: the classic way to log in
 * with a raw Jakarta Authentication module.
 */
public record PasswordLogIn(String login, String password) {

    private static final String ATTRIBUTE = PasswordLogIn.class.getName();

    /** True when the password is right; the module has then registered the session. */
    public static boolean authenticate(HttpServletRequest request, HttpServletResponse response, String login,
            String password) throws IOException, ServletException {
        request.setAttribute(ATTRIBUTE, new PasswordLogIn(login == null ? "" : login, password == null ? "" : password));
        try {
            return request.authenticate(response);
        } finally {
            request.removeAttribute(ATTRIBUTE);
        }
    }

    static PasswordLogIn of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof PasswordLogIn typed ? typed : null;
    }

    @Override
    public String toString() {
        return "PasswordLogIn[" + login + ", password hidden]";
    }
}
