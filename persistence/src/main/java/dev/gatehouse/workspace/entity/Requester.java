package dev.gatehouse.workspace.entity;

/**
 * Who asks for a workspace's cache, as far as the access decision cares. Invalid, revoked and
 * expired tokens never become a requester: authentication refuses them with 401 before any decision.
 */
public sealed interface Requester {

    /** No token: knows the nxCloudId and nothing else. */
    record Anonymous() implements Requester {
    }

    /** A valid personal access token; {@code member} says whether its owner belongs to the workspace's organization. */
    record PatHolder(boolean member) implements Requester {
    }

    /** A valid workspace access token (CI's), which carries its own workspace and level. */
    record WorkspaceTokenHolder(String nxCloudId, AccessLevel level) implements Requester {
    }

    static Requester anonymous() {
        return new Anonymous();
    }

    static Requester pat(boolean memberOfTheOrganization) {
        return new PatHolder(memberOfTheOrganization);
    }

    static Requester workspaceToken(String nxCloudId, AccessLevel level) {
        return new WorkspaceTokenHolder(nxCloudId, level);
    }
}
