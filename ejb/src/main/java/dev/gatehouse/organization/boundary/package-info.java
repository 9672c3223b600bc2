/**
 * The organization services: organizations, their members and roles, and the audit trail.
 */
package dev.gatehouse.organization.boundary;
