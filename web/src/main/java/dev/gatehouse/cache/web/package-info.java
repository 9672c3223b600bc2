/**
 * The remote cache over HTTP, as Nx's self-hosted cache specification defines it.
 */
package dev.gatehouse.cache.web;
