/**
 * The token service: personal access tokens for the profile page and bearer authentication.
 */
package dev.gatehouse.token.boundary;
