package dev.gatehouse.security;

/**
 * The roles the services are guarded by. The identity store hands the container groups of the same
 * names, and Payara's default principal-to-role mapping makes each group its role.
 */
public final class Roles {

    /** Every signed-in person. */
    public static final String USER = "user";

    private Roles() {
    }
}
