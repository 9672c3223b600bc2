/**
 * The audit trail: who changed what in an organization or in their own account, and when.
 */
package dev.gatehouse.audit.entity;
