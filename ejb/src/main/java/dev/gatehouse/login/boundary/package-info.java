/**
 * The login service: the CLI's device-style browser log-in.
 */
package dev.gatehouse.login.boundary;
