/**
 * The profile page's personal access tokens tab.
 */
package dev.gatehouse.token.web;
