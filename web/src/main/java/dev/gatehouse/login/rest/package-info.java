/**
 * The login API: start a browser log-in and collect its token.
 */
package dev.gatehouse.login.rest;
