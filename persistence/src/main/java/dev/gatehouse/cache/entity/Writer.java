package dev.gatehouse.cache.entity;

/**
 * Who uploaded an artifact, as its provenance records it: a person (by the personal access token
 * they presented), a workspace access token, or a caller who presented no token. A token is named
 * by its id, never by its secret.
 *
 * @param name the person's username or the workspace token's name; "anonymous" for no token
 * @param tokenId the id of the presented token, null for an anonymous caller
 */
public record Writer(Kind kind, String name, Long tokenId) {

    public enum Kind {
        PERSON,
        WORKSPACE_TOKEN,
        ANONYMOUS
    }

    public static final Writer ANONYMOUS = new Writer(Kind.ANONYMOUS, "anonymous", null);

    public static Writer person(String username, long personalTokenId) {
        return new Writer(Kind.PERSON, username, personalTokenId);
    }

    public static Writer workspaceToken(String tokenName, long workspaceTokenId) {
        return new Writer(Kind.WORKSPACE_TOKEN, tokenName, workspaceTokenId);
    }

    /** As a person reads it: "ada", "workspace token ci", "anonymous". */
    public String label() {
        return switch (kind) {
            case PERSON -> name;
            case WORKSPACE_TOKEN -> "workspace token " + name;
            case ANONYMOUS -> "anonymous";
        };
    }
}
