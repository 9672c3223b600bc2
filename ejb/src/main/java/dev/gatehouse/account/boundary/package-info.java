/**
 * The account service: sign-up, password checks for the identity store, and "who am I".
 */
package dev.gatehouse.account.boundary;
