package dev.gatehouse.organization.entity;

/** What a member may do in their organization. */
public enum Role {
    /** Manages members and workspaces. */
    ADMIN,
    /** Uses the workspaces with their personal access token. */
    MEMBER
}
