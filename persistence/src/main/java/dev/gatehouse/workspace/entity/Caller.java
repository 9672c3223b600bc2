package dev.gatehouse.workspace.entity;

/**
 * Who asks for a workspace's cache, as far as the access decision cares. Invalid, revoked and
 * expired tokens never become a caller: authentication refuses them with 401 before any decision.
 */
public sealed interface Caller {

    /** No token: knows the nxCloudId and nothing else. */
    record Anonymous() implements Caller {
    }

    /** A valid personal access token; {@code member} says whether its owner belongs to the workspace's organization. */
    record PatHolder(boolean member) implements Caller {
    }

    /** A valid workspace access token (CI's), which carries its own workspace and level. */
    record WorkspaceTokenHolder(String nxCloudId, AccessLevel level) implements Caller {
    }

    static Caller anonymous() {
        return new Anonymous();
    }

    static Caller pat(boolean memberOfTheOrganization) {
        return new PatHolder(memberOfTheOrganization);
    }

    static Caller workspaceToken(String nxCloudId, AccessLevel level) {
        return new WorkspaceTokenHolder(nxCloudId, level);
    }
}
