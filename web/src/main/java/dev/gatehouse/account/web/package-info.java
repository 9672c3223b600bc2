/**
 * The account pages: sign-up, log-in, log-out and the signed-in home page.
 */
package dev.gatehouse.account.web;
