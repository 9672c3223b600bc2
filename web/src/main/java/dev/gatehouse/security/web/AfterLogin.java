package dev.gatehouse.security.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a person goes once logged in: the page that sent them to the log-in form. The page travels
 * in the log-in address ({@code /login?next=/profile}), not in a session, so that nobody costs the
 * server memory before logging in; and it is followed only when it names one of our own pages, so
 * that it cannot become an open redirect.
 */
public final class AfterLogin {

    /** The pages a person may ask for before logging in; anything else (favicons, scripts) is never remembered. */
    static final Set<String> PAGES = Set.of("/", "/index", "/profile", "/organizations", "/organization", "/workspace",
            "/approve");
    private static final Pattern SAFE_QUERY = Pattern.compile("[A-Za-z0-9%&=._~+\\-]*");
    private static final int MAX_LENGTH = 512;

    private AfterLogin() {
    }

    /** The log-in address for a request that needs a session; it names the page when a person asked for one. */
    static String loginAddress(HttpServletRequest request) {
        String login = request.getContextPath() + "/login";
        String page = RequestKind.normalizedPath(request).replaceFirst("\\.xhtml$", "");
        if (!"GET".equals(request.getMethod()) || !PAGES.contains(page)) {
            return login;
        }
        String query = request.getQueryString();
        String next = query == null ? page : page + "?" + query;
        return safe(next) ? login + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8) : login;
    }

    /** Where to send someone after log-in or sign-up: {@code next} when it is one of our pages, else home. */
    public static String target(String contextPath, String next) {
        return contextPath + (next != null && safe(next) ? next : "/");
    }

    /** One leading slash, a page of ours, and a query of plain URL characters: nothing that can leave this origin. */
    static boolean safe(String next) {
        int question = next.indexOf('?');
        String path = question < 0 ? next : next.substring(0, question);
        String query = question < 0 ? "" : next.substring(question + 1);
        return next.length() <= MAX_LENGTH && PAGES.contains(path) && SAFE_QUERY.matcher(query).matches();
    }
}
