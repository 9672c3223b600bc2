/**
 * The cache services: read and write a workspace's artifacts, guarded by the workspace roles.
 */
package dev.gatehouse.cache.boundary;
