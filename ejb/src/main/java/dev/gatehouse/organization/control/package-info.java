/**
 * What every feature asks of organizations: is the caller a member or an admin of this organization
 * or of the workspace's, checked before a service acts.
 */
package dev.gatehouse.organization.control;
