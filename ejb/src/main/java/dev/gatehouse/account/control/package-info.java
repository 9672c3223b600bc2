/**
 * Account logic that is not a service of its own: the log-in throttle.
 */
package dev.gatehouse.account.control;
