/**
 * The CLI's browser log-in: requests, their codes and their life cycle.
 */
package dev.gatehouse.login.entity;
