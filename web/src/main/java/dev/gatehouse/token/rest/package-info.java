/**
 * The token API: list and revoke one's own personal access tokens.
 */
package dev.gatehouse.token.rest;
