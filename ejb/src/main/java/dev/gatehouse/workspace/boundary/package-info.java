/**
 * The workspace service: workspaces of an organization and their two access levels.
 */
package dev.gatehouse.workspace.boundary;
