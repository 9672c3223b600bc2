package dev.gatehouse.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Where to send someone once they have logged in: the page that sent them to the log-in form.
 * Only a path on this server is ever stored, taken from the request itself, so it cannot become
 * an open redirect.
 */
public final class AfterLogin {

    private static final String ATTRIBUTE = AfterLogin.class.getName();

    private AfterLogin() {
    }

    static void remember(HttpServletRequest request) {
        if ("GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            request.getSession().setAttribute(ATTRIBUTE, request.getRequestURI() + (query == null ? "" : "?" + query));
        }
    }

    /** The remembered page, forgotten once taken; the home page when there is none. */
    public static String take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object target = session == null ? null : session.getAttribute(ATTRIBUTE);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
        return target instanceof String path ? path : request.getContextPath() + "/";
    }
}
