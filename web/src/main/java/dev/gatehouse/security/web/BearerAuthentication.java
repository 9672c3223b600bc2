package dev.gatehouse.security.web;

import dev.gatehouse.common.web.PlainAnswer;
import dev.gatehouse.token.boundary.BearerCheck;
import dev.gatehouse.token.boundary.TokenService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;

/**
 * {@code Authorization: Bearer <token>}, for the API and the cache. Every refusal is a plain-text
 * sentence, because clients such as nx print the body as it is.
 */
public final class BearerAuthentication {

    private static final String SCHEME = "Bearer";

    private final TokenService tokens;

    BearerAuthentication(TokenService tokens) {
        this.tokens = tokens;
    }

    static boolean isPresented(HttpServletRequest request) {
        return request.getHeader("Authorization") != null;
    }

    /**
     * The owner of the presented personal access token; null when it is refused, and then the
     * response already says why.
     */
    String tokenOwner(HttpServletRequest request, HttpServletResponse response) {
        String token = presentedToken(request, response);
        if (token == null) {
            return null;
        }
        BearerCheck check = tokens.authenticate(token, request.getRemoteAddr());
        if (check instanceof BearerCheck.Person person) {
            return person.username();
        }
        return refuse(response, HttpServletResponse.SC_UNAUTHORIZED, ((BearerCheck.Refused) check).sentence());
    }

    /** The token in the one Authorization header; null when the header is refused, as the response says. */
    static String presentedToken(HttpServletRequest request, HttpServletResponse response) {
        List<String> headers = Collections.list(request.getHeaders("Authorization"));
        if (headers.size() > 1) {
            return refuse(response, HttpServletResponse.SC_BAD_REQUEST, "Send one Authorization header, not " + headers.size() + ".");
        }
        String token = tokenIn(headers.get(0));
        if (token == null) {
            return refuse(response, HttpServletResponse.SC_UNAUTHORIZED,
                    "Send the personal access token as: Authorization: Bearer <token>.");
        }
        if (token.isEmpty()) {
            return refuse(response, HttpServletResponse.SC_UNAUTHORIZED,
                    "The Authorization header names no token after 'Bearer'. Send your personal access token.");
        }
        return token;
    }

    /** The token of a {@code Bearer} Authorization header, empty when it names none, null for another scheme. */
    public static String tokenIn(String header) {
        String value = header == null ? "" : header.strip();
        boolean bearer = value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && (value.length() == SCHEME.length() || value.charAt(SCHEME.length()) == ' ');
        return bearer ? value.substring(SCHEME.length()).strip() : null;
    }

    /**
     * Commits the response, so that the container cannot replace the sentence with an error page.
     * Sent with its length, the one flush carries the whole answer (a chunked one needed a second
     * write for its end: a fifth of a refused cache request, bench/RESULTS.md). Returns no caller,
     * for {@link #tokenOwner}.
     */
    static String refuse(HttpServletResponse response, int status, String sentence) {
        try {
            if (status == HttpServletResponse.SC_UNAUTHORIZED) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"gatehouse\"");
            }
            PlainAnswer.sentence(response, status, sentence);
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }
}
