/**
 * The account API: who the caller is.
 */
package dev.gatehouse.account.rest;
