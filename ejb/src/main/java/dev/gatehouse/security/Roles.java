package dev.gatehouse.security;

import dev.gatehouse.workspace.entity.AccessLevel;
import java.util.Set;

/**
 * The roles the services are guarded by. The identity store hands the container groups of the same
 * names, and Payara's default principal-to-role mapping makes each group its role.
 */
public final class Roles {

    /** Every signed-in person. */
    public static final String USER = "user";

    /** May read the remote cache of the workspace named in the request's path. */
    public static final String WORKSPACE_READER = "workspace-reader";

    /** May write the remote cache of the workspace named in the request's path. */
    public static final String WORKSPACE_WRITER = "workspace-writer";

    /**
     * Trusted by the workspace in the request's path: uploads go to its trusted tier, and reads see
     * only that tier ({@code Workspace#trusts}).
     */
    public static final String WORKSPACE_TRUSTED = "workspace-trusted";

    /** The groups a cache caller gets for the workspace it asks for. */
    public static Set<String> forLevel(AccessLevel level) {
        return switch (level) {
            case READ_WRITE -> Set.of(WORKSPACE_READER, WORKSPACE_WRITER);
            case READ_ONLY -> Set.of(WORKSPACE_READER);
            case NONE -> Set.of();
        };
    }

    private Roles() {
    }
}
