package dev.gatehouse.workspace.entity;

import java.util.List;

/** What a caller may do with a workspace's remote cache. */
public enum AccessLevel {
    NONE,
    READ_ONLY,
    READ_WRITE;

    /** What the workspace id may give anyone, most first: every level. */
    public static final List<AccessLevel> BY_ID = List.of(READ_WRITE, READ_ONLY, NONE);

    /** What a token may give, most first: a token that could not even read would make no sense. */
    public static final List<AccessLevel> BY_TOKEN = List.of(READ_WRITE, READ_ONLY);

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
