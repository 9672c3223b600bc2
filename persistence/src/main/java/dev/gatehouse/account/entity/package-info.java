/**
 * Accounts: the people who sign up, log in and later own tokens and memberships.
 */
package dev.gatehouse.account.entity;
