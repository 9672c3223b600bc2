package dev.gatehouse.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * CSRF protection for the two forms people fill in before they have a session: log-in and sign-up.
 * Their views are stateless ({@code <f:view transient="true">}), so JSF's view state, which is kept
 * in the session, cannot protect them. Instead a random token goes out both as a cookie and as a
 * hidden field ({@code formToken}), and a POST must bring both back equal: another site can make
 * the browser send the cookie, but cannot read it to copy it into the form. The browser's
 * {@code Origin} header, when sent, must also be this server.
 */
@WebFilter(urlPatterns = {"/login", "/login.xhtml", "/signup", "/signup.xhtml"})
public class StatelessForms extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String COOKIE = "gatehouse_form";
    static final String FIELD = "formToken";
    /** The request attribute the pages render into the hidden field. */
    static final String ATTRIBUTE = "gatehouse.formToken";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String token = cookie(request);
        if ("POST".equals(request.getMethod()) && !(sameOrigin(request) && matches(token, request.getParameter(FIELD)))) {
            BearerAuthentication.refuse(response, HttpServletResponse.SC_BAD_REQUEST,
                    "This form has expired or did not come from this site. Go back, reload the page and try again.");
            return;
        }
        if (token == null) {
            token = newToken();
            Cookie cookie = new Cookie(COOKIE, token);
            cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setAttribute("SameSite", "Strict");
            response.addCookie(cookie);
        }
        request.setAttribute(ATTRIBUTE, token);
        chain.doFilter(request, response);
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null : Arrays.stream(cookies)
                .filter(c -> COOKIE.equals(c.getName()) && c.getValue().matches("[A-Za-z0-9_-]{43}"))
                .map(Cookie::getValue).findFirst().orElse(null);
    }

    private static boolean matches(String cookie, String field) {
        return cookie != null && field != null
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
    }

    /** Browsers name the page a POST came from; a form on another site names that site. */
    private static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            return host != null && host.equalsIgnoreCase(uri.getRawAuthority())
                    && request.getScheme().equalsIgnoreCase(uri.getScheme());
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
