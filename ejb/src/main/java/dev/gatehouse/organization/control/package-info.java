/**
 * What the organization and workspace services share: the membership guard and the audit trail.
 */
package dev.gatehouse.organization.control;
