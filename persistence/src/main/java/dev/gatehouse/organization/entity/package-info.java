/**
 * Organizations and their memberships with roles.
 */
package dev.gatehouse.organization.entity;
