/**
 * Workspaces, their nxCloudIds and access levels, and the access decision for their cache.
 */
package dev.gatehouse.workspace.entity;
