/**
 * Personal access tokens: their format and checksum, their hashed storage, and their life cycle.
 */
package dev.gatehouse.token.entity;
