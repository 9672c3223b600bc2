package dev.gatehouse.workspace.entity;

/** The kinds of cache caller the decision tables name, for a workspace with the given id. */
final class Callers {

    private Callers() {
    }

    /** @param ownId the workspace's own id, which CI tokens of this workspace carry */
    static Caller of(String kind, String ownId) {
        return switch (kind) {
            case "anonymous" -> Caller.anonymous();
            case "outsider-pat" -> Caller.pat(false);
            case "member-pat" -> Caller.pat(true);
            case "ci-token-ro" -> Caller.workspaceToken(ownId, AccessLevel.READ_ONLY);
            case "ci-token-rw" -> Caller.workspaceToken(ownId, AccessLevel.READ_WRITE);
            case "other-ci-token" -> Caller.workspaceToken("AnotherWorkspaceId000000", AccessLevel.READ_WRITE);
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
