/**
 * The organization pages: the caller's organizations, and one organization's members, workspaces
 * and audit log.
 */
package dev.gatehouse.organization.web;
