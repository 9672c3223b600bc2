package dev.gatehouse.security;

/**
 * The names the authentication mechanism gives cache callers without an account. Parentheses
 * cannot occur in usernames, so no account can be mistaken for either.
 */
public final class CachePrincipals {

    /** A caller who presented no token and knows only the nxCloudId. */
    public static final String ANONYMOUS = "(anonymous)";

    /** Prefix of a workspace access token's principal; the token's name follows. */
    public static final String WORKSPACE_TOKEN = "(workspace token) ";

    private CachePrincipals() {
    }

    public static boolean isWorkspaceToken(String principal) {
        return principal != null && principal.startsWith(WORKSPACE_TOKEN);
    }
}
