/**
 * Authentication for the whole application: one Jakarta Authentication module, registered at
 * start-up, that serves browser sessions, bearer tokens and the anonymous cache, without CDI on the
 * request path; the request classification and the page to return to after log-in.
 */
package dev.gatehouse.security.web;
