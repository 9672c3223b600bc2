package dev.gatehouse.security.web;

import dev.gatehouse.common.GridMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * Who a session is signed in as, kept as a plain session attribute so that it travels with the
 * session through the data grid to whichever node serves the next page.
 *
 * <p>A node that served a session keeps its own copy of it, and Payara uses that copy when a request
 * does not name the session's latest version: a session signed out through node A would live on at
 * node B for whoever holds the old cookie. So a sign-out is also recorded in the data grid, and a
 * node that meets a signed-out session ends its own copy. The record outlives any copy: a copy
 * unused for the session timeout (60 minutes) is gone anyway, and one used meets the record.
 */
@ApplicationScoped
public class SignIns {

    static final String ATTRIBUTE = "gatehouse.signIn";
    private static final Duration ENDED_KEPT_FOR = Duration.ofHours(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GridMap ended = GridMap.named("ended sign-ins", ENDED_KEPT_FOR, 100_000);

    private record SignIn(String id, String username) implements Serializable {
    }

    /**
     * Signs the request's session in, under a new id if it had one, so that no session id known
     * before the log-in is worth anything after it.
     */
    void start(HttpServletRequest request, String username) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        byte[] id = new byte[18];
        RANDOM.nextBytes(id);
        request.getSession().setAttribute(ATTRIBUTE, new SignIn(Base64.getUrlEncoder().encodeToString(id), username));
    }

    /** The signed-in username, or null when the request has no session, or one signed out on any node. */
    String username(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof SignIn signIn)) {
            return null;
        }
        if (ended.get(signIn.id()) != null) {
            session.invalidate();
            return null;
        }
        return signIn.username();
    }

    /** Signs out on every node: the record first, then this node's session. */
    public void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        if (session.getAttribute(ATTRIBUTE) instanceof SignIn signIn) {
            ended.update(signIn.id(), none -> 1L);
        }
        session.invalidate();
    }
}
