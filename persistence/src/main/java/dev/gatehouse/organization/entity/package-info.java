/**
 * Organizations, their memberships with roles, and the audit trail of changes to them.
 */
package dev.gatehouse.organization.entity;
