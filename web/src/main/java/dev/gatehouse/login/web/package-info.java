/**
 * The approval page that {@code gatehouse login} sends people to.
 */
package dev.gatehouse.login.web;
