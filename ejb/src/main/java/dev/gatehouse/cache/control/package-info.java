/**
 * The artifact store: files written atomically, never replaced.
 */
package dev.gatehouse.cache.control;
