package dev.gatehouse.cache.entity;

import java.util.List;

/**
 * The two halves of a workspace's cache, chosen by who writes, so that bytes from someone who only
 * knows the nxCloudId can never reach the builds of people the workspace trusts (the CREEP attack,
 * CVE-2025-36852). Who is trusted is the workspace's decision ({@code Workspace#trusts}).
 */
public enum Tier {
    TRUSTED,
    UNTRUSTED;

    /** The untrusted tier's folder inside a workspace's cache folder; a dot never occurs in a hash. */
    public static final String UNTRUSTED_FOLDER = ".untrusted";

    /** Where a caller's upload goes. */
    public static Tier writtenBy(boolean trustedCaller) {
        return trustedCaller ? TRUSTED : UNTRUSTED;
    }

    /**
     * The tiers a caller reads, in order. Trusted callers never see an untrusted entry; everyone else
     * gets a trusted entry first, and an untrusted one only when no trusted one exists.
     */
    public static List<Tier> readBy(boolean trustedCaller) {
        return trustedCaller ? List.of(TRUSTED) : List.of(TRUSTED, UNTRUSTED);
    }

    /** As a person reads it on the workspace page. */
    public String label() {
        return this == TRUSTED ? "Trusted" : "Untrusted";
    }
}
