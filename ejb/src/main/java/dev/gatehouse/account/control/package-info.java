/**
 * Account logic that is not a service of its own: who is calling, and the log-in throttle.
 */
package dev.gatehouse.account.control;
