package dev.gatehouse.token.boundary;

/**
 * The outcome of presenting a bearer token: the account it belongs to, or a sentence telling the
 * person what to do instead.
 */
public record BearerCheck(String username, String refusal) {

    static final String AGAIN = " Create a new one on your profile page (Personal access tokens) or run `gatehouse login`.";

    /** The sentences for a token that cannot be used, shared with the cache's one-read path. */
    public static BearerCheck unknown() {
        return refused("This personal access token is unknown to this server." + AGAIN);
    }

    public static BearerCheck revoked() {
        return refused("This personal access token was revoked." + AGAIN);
    }

    public static BearerCheck expired(java.time.Instant expiresAt) {
        return refused("This personal access token expired on " + expiresAt + "." + AGAIN);
    }

    /** A workspace access token that is not one of this server's live ones; CI's, so an admin makes the next. */
    public static BearerCheck unknownWorkspaceToken() {
        return refused("This workspace access token is unknown to this server, mistyped or revoked. Ask an admin"
                + " of the workspace's organization for a new one.");
    }

    static BearerCheck valid(String username) {
        return new BearerCheck(username, null);
    }

    static BearerCheck refused(String refusal) {
        return new BearerCheck(null, refusal);
    }

    public boolean isValid() {
        return username != null;
    }
}
