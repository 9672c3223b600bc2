package dev.gatehouse.workspace.entity;

/** The kinds of cache caller the decision tables name, for a workspace with the given id. */
final class Requesters {

    private Requesters() {
    }

    /** @param ownId the workspace's own id, which CI tokens of this workspace carry */
    static Requester of(String kind, String ownId) {
        return switch (kind) {
            case "anonymous" -> Requester.anonymous();
            case "outsider-pat" -> Requester.pat(false);
            case "member-pat" -> Requester.pat(true);
            case "ci-token-ro" -> Requester.workspaceToken(ownId, AccessLevel.READ_ONLY);
            case "ci-token-rw" -> Requester.workspaceToken(ownId, AccessLevel.READ_WRITE);
            case "other-ci-token" -> Requester.workspaceToken("AnotherWorkspaceId000000", AccessLevel.READ_WRITE);
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
