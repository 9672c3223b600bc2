/**
 * The workspace API: the caller's access level on a workspace.
 */
package dev.gatehouse.workspace.rest;
