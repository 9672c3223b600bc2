package dev.gatehouse.token.boundary;

/**
 * The outcome of presenting a bearer token: the account it belongs to, or a sentence telling the
 * person what to do instead.
 */
public record BearerCheck(String username, String refusal) {

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
