/**
 * The cache API beside the cache itself: a workspace's usage per day.
 */
package dev.gatehouse.cache.rest;
