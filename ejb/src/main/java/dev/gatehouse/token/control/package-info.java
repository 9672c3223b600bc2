/**
 * Token logic shared by the token and login services: minting.
 */
package dev.gatehouse.token.control;
