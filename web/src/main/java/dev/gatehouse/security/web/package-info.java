/**
 * Jakarta Security for the whole application: one mechanism that serves both browser sessions and
 * bearer tokens, and one identity store over the accounts.
 */
package dev.gatehouse.security.web;
