package dev.gatehouse.token.boundary;

import java.time.Instant;

/**
 * The outcome of presenting a bearer token: the person it belongs to, or a sentence telling them
 * what to do instead. Sealed, so that a caller handles both and never reads a name off a refusal.
 */
public sealed interface BearerCheck {

    String AGAIN = " Create a new one on your profile page (Personal access tokens) or run `gatehouse login`.";

    /** A live personal access token of this account. */
    record Person(String username) implements BearerCheck {
    }

    /** A token that cannot be used, and what its holder should do. */
    record Refused(String sentence) implements BearerCheck {
    }

    /** The sentences for a token that cannot be used, shared with the cache's one-read path. */
    static Refused unknown() {
        return new Refused("This personal access token is unknown to this server." + AGAIN);
    }

    static Refused revoked() {
        return new Refused("This personal access token was revoked." + AGAIN);
    }

    static Refused expired(Instant expiresAt) {
        return new Refused("This personal access token expired on " + expiresAt + "." + AGAIN);
    }

    /** A workspace access token that is not one of this server's live ones; CI's, so an admin makes the next. */
    static Refused unknownWorkspaceToken() {
        return new Refused("This workspace access token is unknown to this server, mistyped or revoked. Ask an admin"
                + " of the workspace's organization for a new one.");
    }
}
