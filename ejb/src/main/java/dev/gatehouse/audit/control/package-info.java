/**
 * Writing the audit trail, for every feature that changes something people share.
 */
package dev.gatehouse.audit.control;
