package dev.gatehouse.workspace.entity;

/** What a caller may do with a workspace's remote cache. */
public enum AccessLevel {
    NONE,
    READ_ONLY,
    READ_WRITE;

    public boolean allowsRead() {
        return this != NONE;
    }

    public boolean allowsWrite() {
        return this == READ_WRITE;
    }

    /** As a person reads it on a settings page. */
    public String label() {
        return switch (this) {
            case NONE -> "None";
            case READ_ONLY -> "Read-only";
            case READ_WRITE -> "Read-write";
        };
    }
}
