/**
 * The remote cache's records: which artifacts a workspace holds, who wrote them and when.
 */
package dev.gatehouse.cache.entity;
